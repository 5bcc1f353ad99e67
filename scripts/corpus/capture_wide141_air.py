"""Round 141, Apache Airflow 2.10 on sqlite (SequentialExecutor, nothing but loopback): `maltworks`' kiln DAG of 40
tasks (ten kilns, a moisture check that fails and is retried, a bash grind that exits 2, a branch that skips, the
tasks downstream upstream_failed), an intake DAG, a folder of generated DAGs (owners and paused states for the table)
and four DAG files that fail to import (a syntax error, a missing module, a cycle, a bad argument); `airflow dags
test`, `airflow tasks test`, `airflow dags list-import-errors`, `airflow dags list` (table and `-o json`), a task's
log file. Run through capture_wide141.py."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide141 import add, exit_lines, tracebacks, venv_env

LOG = re.compile(r"^\[\S+\] \{([^}]+)\} (\w+) - (.*)$")
MARK = re.compile(r"Marking task as (\w+)")


def _warnings(lines):
    pairs = []
    for ln in lines:
        m = LOG.match(ln)
        if m and m.group(2) == "WARNING":
            pairs.append(((m.group(1).split(":")[0], mask(m.group(3))), ln))
        elif re.match(r"^\S+Warning: ", ln) or re.search(r":\d+: \w*Warning: ", ln):
            pairs.append((("py", mask(ln)), ln))
    return groups(pairs)


def _errors(lines):
    out = []
    for ln in lines:
        m = LOG.match(ln)
        if (m and m.group(2) in ("ERROR", "CRITICAL")) or re.match(r"^(ERROR|CRITICAL)\b", ln):
            out.append(ln)
    return out


def _marks(lines):
    bad = [ln for ln in lines if (m := MARK.search(ln)) and m.group(1) != "SUCCESS"]
    good = [ln for ln in lines if (m := MARK.search(ln)) and m.group(1) == "SUCCESS"]
    return bad + ([any_of(good)] if good else [])


@cm.kind("airflow-dags-test", "log")
def n_dags_test(lines):
    """Rules 1+3+5 on airflow dags test: every ERROR line, each traceback's exception and innermost File line, every Marking task as <not SUCCESS> line (the SUCCESS ones one {"any"}), the DAG run's final state line, WARNING lines one {"any"} per (logger, message shape), an EXIT=N line."""
    out = _errors(lines) + tracebacks(lines) + _marks(lines)
    out += [ln for ln in lines if re.search(r"Marking run .*(failed|successful)|DagRun Finished|dag run .* state", ln)]
    return out + _warnings(lines) + exit_lines(lines)


@cm.kind("airflow-tasks-test", "log")
def n_tasks_test(lines):
    """Rules 1+3+5 on airflow tasks test: every ERROR line, each traceback's exception and innermost File line, the Marking task as line, the Task exited with return code / Done. Returned value was line, WARNING lines one {"any"} per (logger, message shape), an EXIT=N line."""
    out = _errors(lines) + tracebacks(lines) + [ln for ln in lines if MARK.search(ln)]
    out += [ln for ln in lines if re.search(r"Task exited with return code|Done\. Returned value was", ln)]
    return out + _warnings(lines) + exit_lines(lines)


@cm.kind("airflow-task-log", "log")
def n_task_log(lines):
    """Rules 1+5 on an Airflow task's log file: every ERROR line, each traceback's exception and innermost File line, the Marking task as line, the Starting attempt N of M line, the Task exited with return code line, WARNING lines one {"any"} per (logger, message shape), an EXIT=N line."""
    out = _errors(lines) + tracebacks(lines) + [ln for ln in lines if MARK.search(ln)]
    out += [ln for ln in lines if re.search(r"Starting attempt \d+ of \d+|Task exited with return code", ln)]
    return out + _warnings(lines) + exit_lines(lines)


@cm.kind("airflow-import-errors", "table")
def n_import_errors(lines):
    """Rules 1+4+5 on airflow dags list-import-errors: the header row, every line naming a DAG file (.py) and every exception line of the error column, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^filepath\s*\|", ln)][:1]
    out += [ln for ln in lines if re.search(r"/dags/\S+\.py", ln) and not re.match(r"^\s*File \"", ln)]
    out += [ln for ln in lines if re.search(r"\b\w*(Error|Exception)\b: ", ln) or re.search(r"\w+(Error|Exception): ", ln)]
    out += tracebacks(lines)
    return out + exit_lines(lines)


def _rare(rows, cols):
    """Rule 4: the rows whose value in one of `cols` occurs in at most 2 rows while that column's commonest value
    covers half the rows."""
    out = []
    for c in cols:
        cnt = Counter(r[c] for r in rows)
        if cnt and cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [r for r in rows if cnt[r[c]] <= 2]
    return out


@cm.kind("airflow-dags-list", "table")
def n_dags_list(lines):
    """Rules 4+5 on airflow dags list (table): the header, every row whose is_paused or owners value is rare (at most 2 rows while the commonest covers half), the first and last rows, an EXIT=N line."""
    hi = next((i for i, ln in enumerate(lines) if re.match(r"^dag_id\s*\|", ln)), None)
    if hi is None:
        return exit_lines(lines)
    head = [c.strip() for c in lines[hi].split("|")]
    rows = []
    for ln in lines[hi + 2:]:
        if "|" not in ln:
            continue
        cells = [c.strip() for c in ln.split("|")]
        if len(cells) == len(head):
            rows.append(dict(zip(head, cells), _line=ln))
    out = [lines[hi]]
    if rows:
        out += [rows[0]["_line"], rows[-1]["_line"]]
        out += [r["_line"] for r in _rare(rows, [c for c in ("is_paused", "owners") if c in head])]
    return out + exit_lines(lines)


@cm.kind("airflow-dags-list-json", "json")
def n_dags_list_json(lines):
    """Rules 4+5 on airflow dags list -o json, pretty-printed: the "dag_id" lines of the first and last records and of every record whose is_paused or owners value is rare (at most 2 records while the commonest covers half), an EXIT=N line."""
    a = next(i for i, ln in enumerate(lines) if ln == "[")
    b = max(i for i, ln in enumerate(lines) if ln == "]")
    recs = json.loads("\n".join(lines[a:b + 1]))
    idl = {}
    for ln in lines:
        m = re.match(r'^\s*"dag_id": "([^"]+)"', ln)
        if m:
            idl.setdefault(m.group(1), ln)
    rows = [{"dag_id": r["dag_id"], "is_paused": str(r.get("is_paused")), "owners": str(r.get("owners"))} for r in recs]
    pick = ([rows[0], rows[-1]] if rows else []) + _rare(rows, ["is_paused", "owners"])
    return [idl[r["dag_id"]] for r in pick if r["dag_id"] in idl] + exit_lines(lines)

# ------------------------------------------------------------------ the DAGs

KILN = '''
"""maltworks: one kilning cycle over ten kilns."""
import logging
import random
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator, PythonOperator

log = logging.getLogger("maltworks.kiln")
KILNS = [f"{i:02d}" for i in range(1, 11)]
LIMIT = 45.0


def load_kiln(kiln, **ctx):
    rng = random.Random(int(kiln) * 7)
    tonnes = round(rng.uniform(18, 26), 1)
    log.info("kiln %s loaded with %.1f t of green malt (batch GM-%s)", kiln, tonnes, 2600 + int(kiln))
    if tonnes > 25:
        log.warning("kiln %s over nominal load: %.1f t", kiln, tonnes)
    return tonnes


def check_moisture(kiln, **ctx):
    readings = {"07": 47.1}
    m = readings.get(kiln, 4.0 + int(kiln) / 10)
    log.info("kiln %s moisture %.1f%% (limit %.1f%%)", kiln, m, LIMIT)
    if m > LIMIT:
        raise ValueError(f"kiln {kiln}: moisture {m:.1f}% above {LIMIT:.1f}%, probe K{kiln}-B stuck?")
    return m


def cure(kiln, **ctx):
    log.info("kiln %s curing at 85C for 4h", kiln)
    return {"kiln": kiln, "colour_ebc": 3.1 + int(kiln) / 20}


def choose_roast(**ctx):
    return "skip_roast"


def assemble(**ctx):
    ti = ctx["ti"]
    vals = [ti.xcom_pull(task_ids=f"cure_{k}") for k in KILNS]
    log.info("assembled %d kiln reports", len(vals))


default_args = {"owner": "maltworks", "retries": 1, "retry_delay": timedelta(seconds=1)}
with DAG("maltworks_kiln", start_date=datetime(2026, 11, 1), schedule="@daily", catchup=False,
         default_args=default_args, tags=["kiln", "production"]) as dag:
    start = EmptyOperator(task_id="start")
    grind = BashOperator(task_id="grind_sample", bash_command="echo 'grinding lab sample'; test -d /srv/maltlab || exit 2")
    branch = BranchPythonOperator(task_id="choose_roast", python_callable=choose_roast)
    roast = BashOperator(task_id="roast_crystal", bash_command="echo roasting")
    skip = EmptyOperator(task_id="skip_roast")
    report = PythonOperator(task_id="assemble_report", python_callable=assemble, trigger_rule="all_success")
    start >> [grind, branch]
    branch >> [roast, skip]
    for k in KILNS:
        ld = PythonOperator(task_id=f"load_kiln_{k}", python_callable=load_kiln, op_kwargs={"kiln": k})
        chk = PythonOperator(task_id=f"check_moisture_{k}", python_callable=check_moisture, op_kwargs={"kiln": k})
        cu = PythonOperator(task_id=f"cure_{k}", python_callable=cure, op_kwargs={"kiln": k})
        start >> ld >> chk >> cu >> report
'''

INTAKE = '''
"""maltworks: barley intake and weighbridge."""
import logging
from datetime import datetime, timedelta

from airflow.decorators import dag, task

log = logging.getLogger("maltworks.intake")


@dag(dag_id="maltworks_intake", start_date=datetime(2026, 11, 1), schedule="0 6 * * *", catchup=False,
     default_args={"owner": "maltworks", "retries": 2, "retry_delay": timedelta(seconds=1)}, tags=["intake"])
def intake():
    @task
    def weigh_trucks():
        trucks = [("T-114", 28.4), ("T-121", 27.9), ("T-130", 0.0), ("T-131", 29.2)]
        for plate, t in trucks:
            log.info("truck %s: %.1f t", plate, t)
        empty = [p for p, t in trucks if t == 0.0]
        if empty:
            log.warning("weighbridge returned 0.0 t for %s", ", ".join(empty))
        return sum(t for _, t in trucks)

    @task
    def grade_barley(total):
        protein = {"lot-A": 10.8, "lot-B": 12.9, "lot-C": 11.2}
        bad = {k: v for k, v in protein.items() if v > 12.0}
        if bad:
            raise RuntimeError(f"protein out of spec for {sorted(bad)}: {bad} (max 12.0%)")
        return total

    @task
    def book_silo(total):
        return {"silo": 4, "tonnes": total}

    book_silo(grade_barley(weigh_trucks()))


intake()
'''

FLEET = '''
"""maltworks: per-silo aeration DAGs, generated."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator

for i in range(1, 23):
    owner = "lab" if i in (9, 17) else "maltworks"
    d = DAG(f"silo_{i:02d}_aeration", start_date=datetime(2026, 11, 1), schedule="@hourly", catchup=False,
            default_args={"owner": owner}, is_paused_upon_creation=(i != 13), tags=["silo"])
    EmptyOperator(task_id="aerate", dag=d)
    globals()[d.dag_id] = d
'''

BROKEN = {
    "dags/steep_schedule.py": '''
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("maltworks_steep", start_date=datetime(2026, 11, 1), schedule="@daily" catchup=False) as dag:
    EmptyOperator(task_id="fill_steep_tank")
''',
    "dags/lab_qc.py": '''
from datetime import datetime
from airflow import DAG
from maltworks_lab.friability import FriabilityMeter
''',
    "dags/germination.py": '''
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("maltworks_germination", start_date=datetime(2026, 11, 1), schedule=None) as dag:
    a = EmptyOperator(task_id="turn_bed")
    b = EmptyOperator(task_id="spray_water")
    c = EmptyOperator(task_id="measure_rootlets")
    a >> b >> c >> a
''',
    "dags/dispatch.py": '''
from datetime import datetime
from airflow import DAG
from airflow.operators.python import PythonOperator

with DAG("maltworks_dispatch", start_date=datetime(2026, 11, 1), schedule="@daily") as dag:
    PythonOperator(task_id="load_lorry", python_callable=print, retry_dealy=30)
''',
}


def cap_airflow(tmp: Path) -> None:
    home = tmp / "airflow"
    write_tree(home, {"dags/kiln.py": KILN, "dags/intake.py": INTAKE, "dags/silos.py": FLEET})
    env = venv_env("airflow", {"AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
                                "AIRFLOW__CORE__EXECUTOR": "SequentialExecutor",
                                "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO"})
    run("airflow db migrate", cwd=home, env=env, timeout=300)
    run("airflow dags reserialize", cwd=home, env=env, timeout=300)

    def c(item, cmd, ext, timeout=600):
        add(item, cmd, run(cmd, cwd=home, env=env, timeout=timeout), ext)

    c("airflow-dags-test-kiln", "airflow dags test maltworks_kiln 2026-11-30", n_dags_test)
    c("airflow-dags-test-kiln-tail-80", "airflow dags test maltworks_kiln 2026-11-29 2>&1 | tail -n 80", n_dags_test)
    c("airflow-dags-test-kiln-grep-v-warning", "airflow dags test maltworks_kiln 2026-11-28 2>&1 | grep -v Warning; "
      "echo EXIT=$?", n_dags_test)
    c("airflow-dags-test-intake-echo", "airflow dags test maltworks_intake 2026-11-30; echo EXIT=$?", n_dags_test)
    c("airflow-tasks-test-moisture", "airflow tasks test maltworks_kiln check_moisture_07 2026-11-30", n_tasks_test)
    c("airflow-tasks-test-weigh", "airflow tasks test maltworks_intake weigh_trucks 2026-11-30 2>&1 | tail -n 60",
      n_tasks_test)
    c("airflow-tasks-test-grade", "airflow tasks test maltworks_intake grade_barley 2026-11-30", n_tasks_test)
    for dag_id, task in (("maltworks_kiln", "check_moisture_07"), ("maltworks_intake", "grade_barley"),
                         ("maltworks_kiln", "load_kiln_04")):
        run(f"airflow tasks run {dag_id} {task} manual__2026-11-30T00:00:00+00:00 --local -i -f", cwd=home, env=env)
    logs = sorted((home / "logs").glob("dag_id=maltworks_kiln/**/task_id=check_moisture_07/attempt=*.log"))
    logs += sorted((home / "logs").glob("dag_id=maltworks_intake/**/task_id=grade_barley/attempt=*.log"))
    logs += sorted((home / "logs").glob("dag_id=maltworks_kiln/**/task_id=load_kiln_04/attempt=*.log"))
    for n, p in enumerate(logs[:3]):
        rel = p.relative_to(home)
        c(f"airflow-task-log-{n}", f"cat '{rel}'" + ("; echo EXIT=$?" if n == 2 else ""), n_task_log)
    c("airflow-dags-list", "airflow dags list", n_dags_list)
    c("airflow-dags-list-json", "airflow dags list -o json 2>/dev/null | tail -n 1 | python3 -m json.tool", n_dags_list_json)
    write_tree(home, BROKEN)
    c("airflow-import-errors", "airflow dags list-import-errors", n_import_errors)
    c("airflow-import-errors-echo", "airflow dags list-import-errors 2>&1 | grep -v Warning; echo EXIT=$?",
      n_import_errors)


STEPS = [cap_airflow]
