"""Round 141, Dagster and Prefect: `maltworks`' kilning as a Dagster job of ops (a moisture check that fails after its
retry policy's retry, ops downstream skipped), its lab data as assets with asset checks (one fails, one asset raises),
definitions that do not load (`dagster job execute -f`, `dagster asset materialize`, `dagster definitions validate`);
the same pipeline as Prefect 3 flows run locally against Prefect's own temporary sqlite server (a task that fails
after its retries, one that passes on its second try, a flow that fails), and `prefect flow-run ls`. Run through
capture_wide141.py."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, mask, run, write_tree
from capture_wide141 import add, exit_lines, tracebacks, venv_env

PF_PORT = 4214
DG_EVENTS = re.compile(r"\b(STEP_FAILURE|STEP_UP_FOR_RETRY|STEP_RESTARTED|RUN_FAILURE|RUN_SUCCESS|STEP_SKIPPED)\b")
EXC = re.compile(r"^(\w+\.)*\w*(Error|Exception|Failure)\b: ")


def _dg(lines):
    out = [ln for ln in lines if DG_EVENTS.search(ln) or " - ERROR - " in ln or EXC.match(ln.strip())]
    out += tracebacks(lines)
    ok = [ln for ln in lines if re.search(r"\bSTEP_SUCCESS\b", ln)]
    return out + ([any_of(ok)] if ok else [])


@cm.kind("dagster-job-execute", "log")
def n_dagster_job(lines):
    """Rules 1+3+5 on dagster job execute: every STEP_FAILURE, STEP_UP_FOR_RETRY, STEP_RESTARTED, RUN_FAILURE, RUN_SUCCESS and STEP_SKIPPED event line, every ERROR line, each traceback's exception and innermost File line, the error class lines of a step failure, STEP_SUCCESS lines one {"any"}, an EXIT=N line."""
    return _dg(lines) + exit_lines(lines)


@cm.kind("dagster-asset-materialize", "log")
def n_dagster_assets(lines):
    """Rules 1+3+5 on dagster asset materialize: as dagster-job-execute, plus every ASSET_MATERIALIZATION line and every ASSET_CHECK_EVALUATION line whose check failed, an EXIT=N line."""
    out = _dg(lines) + [ln for ln in lines if re.search(r"\bASSET_MATERIALIZATION\b", ln)]
    out += [ln for ln in lines if re.search(r"\bASSET_CHECK_EVALUATION\b", ln)
            and re.search(r"(?i)fail|not pass|did not|success=False|passed=False", ln)]
    return out + exit_lines(lines)


@cm.kind("dagster-definitions-validate", "log")
def n_dagster_validate(lines):
    """Rules 1+3 on dagster definitions validate: every error line (Error, Exception, ...Error:), each traceback's exception and innermost File line, the verdict line (Validation successful / failed, or the last line), an EXIT=N line."""
    body = [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=")]
    out = [ln for ln in lines if re.search(r"\b\w*(Error|Exception)\b", ln) and not re.match(r'^\s*File "', ln)
           and not ln.startswith(" ")]
    out += tracebacks(lines)
    out += [ln for ln in lines if re.search(r"(?i)validation (successful|failed)", ln)]
    if body and not any(re.search(r"(?i)validation (successful|failed)", ln) for ln in body):
        out.append(body[-1])
    return out + exit_lines(lines)


PF_STATE = re.compile(r"Finished in state (\w+)")


@cm.kind("prefect-flow-run", "log")
def n_prefect_run(lines):
    """Rules 1+3+5 on a local Prefect flow run: every ERROR line, every retry line, every Finished in state line not Completed and the flow run's own final state line, each traceback's exception and innermost File line, WARNING lines one {"any"} per message shape, the Completed state lines one {"any"}, an EXIT=N line."""
    lv = re.compile(r"^\S+ \| (\w+)\s*\| (.*)$")
    out, warn, done = [], [], []
    for ln in lines:
        m = lv.match(ln)
        if m and m.group(1) in ("ERROR", "CRITICAL"):
            out.append(ln)
        if re.search(r"Retry|AwaitingRetry|retr(y|ies) ", ln):
            out.append(ln)
        s = PF_STATE.search(ln)
        if s and s.group(1) != "Completed":
            out.append(ln)
        elif s:
            done.append(ln)
        if m and m.group(1) == "WARNING":
            warn.append((mask(re.sub(r"^\S+ run '[^']+' - ", "", m.group(2))), ln))
    flow_final = [ln for ln in lines if PF_STATE.search(ln) and re.search(r"\| Flow run '", ln)]
    out += flow_final[-1:] + tracebacks(lines) + groups(warn)
    return out + ([any_of(done)] if done else []) + exit_lines(lines)


@cm.kind("prefect-flow-run-ls", "table")
def n_prefect_ls(lines):
    """Rules 4+5 on prefect flow-run ls (a box table): the header, every row whose state is rare (at most 2 rows while the commonest covers half), the first and last rows, an EXIT=N line."""
    STATES = r"\b(COMPLETED|FAILED|CRASHED|CANCELLED|RUNNING|PENDING|SCHEDULED|PAUSED|CANCELLING|RETRYING|Completed|Failed|Crashed|Cancelled|Running|Pending|Scheduled)\b"
    head = next((ln for ln in lines if re.search(r"\bState\b", ln) and re.search(r"\bName\b|\bID\b", ln)), None)
    rows = [(ln, re.search(STATES, ln).group(1)) for ln in lines if re.search(STATES, ln) and ln != head
            and re.match(r"^[│|┃]", ln.strip())]
    out = [head] if head else []
    if rows:
        out += [rows[0][0], rows[-1][0]]
        c = Counter(s for _, s in rows)
        if c.most_common(1)[0][1] * 2 >= len(rows):
            out += [ln for ln, s in rows if c[s] <= 2]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ Dagster

DG_JOB = '''
"""maltworks: one kilning cycle as a Dagster job."""
import random

from dagster import Backoff, Definitions, In, OpExecutionContext, RetryPolicy, in_process_executor, job, op

KILNS = [f"{i:02d}" for i in range(1, 9)]


@op
def intake_batch(context: OpExecutionContext) -> dict:
    batch = {"id": "GM-2611", "tonnes": 184.5, "variety": "Laureate"}
    context.log.info(f"green malt batch {batch['id']}: {batch['tonnes']} t of {batch['variety']}")
    return batch


def make_kiln(k):
    @op(name=f"load_kiln_{k}")
    def load(context: OpExecutionContext, batch: dict) -> float:
        t = round(random.Random(int(k)).uniform(20, 25), 1)
        context.log.info(f"kiln {k}: loaded {t} t from {batch['id']}")
        if t > 24.5:
            context.log.warning(f"kiln {k}: load {t} t above nominal 24.5 t")
        return t

    @op(name=f"check_moisture_{k}", retry_policy=RetryPolicy(max_retries=1, delay=0.2, backoff=Backoff.LINEAR))
    def check(context: OpExecutionContext, tonnes: float) -> float:
        m = 47.1 if k == "06" else 4.0 + int(k) / 10
        context.log.info(f"kiln {k}: moisture {m:.1f}%")
        if m > 45:
            raise ValueError(f"kiln {k}: moisture {m:.1f}% above 45.0%, probe K{k}-B stuck?")
        return m

    @op(name=f"cure_{k}")
    def cure(context: OpExecutionContext, moisture: float) -> dict:
        return {"kiln": k, "colour_ebc": round(3.0 + int(k) / 10, 2)}

    return load, check, cure


OPS = {k: make_kiln(k) for k in KILNS}


@op(ins={f"k{k}": In(dict) for k in KILNS})
def assemble_report(context: OpExecutionContext, **kilns) -> None:
    context.log.info(f"report over {len(kilns)} kilns")


@job(tags={"site": "maltworks"}, executor_def=in_process_executor)
def kiln_job():
    batch = intake_batch()
    outs = {}
    for k, (load, check, cure) in OPS.items():
        outs[f"k{k}"] = cure(check(load(batch)))
    assemble_report(**outs)


@op
def weigh_trucks(context: OpExecutionContext) -> float:
    return 113.5


@op
def grade_barley(context: OpExecutionContext, total: float) -> float:
    protein = {"lot-A": 10.8, "lot-B": 12.9}
    bad = {k: v for k, v in protein.items() if v > 12.0}
    if bad:
        raise RuntimeError(f"protein out of spec for {sorted(bad)} (max 12.0%)")
    return total


@job(executor_def=in_process_executor)
def intake_job():
    grade_barley(weigh_trucks())


defs = Definitions(jobs=[kiln_job, intake_job])
'''

DG_ASSETS = '''
"""maltworks: lab data as assets."""
from dagster import AssetCheckResult, AssetExecutionContext, Definitions, asset, asset_check, in_process_executor


@asset(group_name="lab")
def barley_lots(context: AssetExecutionContext):
    lots = [{"lot": f"L{i:03d}", "protein": 10.0 + (i % 7) * 0.4, "germ": 96 + i % 4} for i in range(40)]
    context.log.info(f"{len(lots)} barley lots")
    return lots


@asset(group_name="lab")
def steep_curves(barley_lots):
    return {l["lot"]: [0.0, 31.5, 38.2, 43.9, 45.1] for l in barley_lots}


@asset(group_name="lab")
def germination_index(barley_lots):
    return {l["lot"]: l["germ"] / 100 for l in barley_lots}


@asset(group_name="lab")
def friability(germination_index):
    raise KeyError("friabilimeter export missing column 'whole_grains_pct' (file lab/friab_2611.csv)")


@asset(group_name="release")
def release_certificate(friability, steep_curves):
    return {"ok": True}


@asset(group_name="release")
def colour_report(steep_curves):
    return {lot: 3.2 for lot in steep_curves}


@asset_check(asset=germination_index)
def germination_above_95(germination_index):
    low = {k: v for k, v in germination_index.items() if v < 0.97}
    return AssetCheckResult(passed=not low, metadata={"low_lots": len(low)})


@asset_check(asset=steep_curves)
def steep_curves_monotonic(steep_curves):
    return AssetCheckResult(passed=True)


defs = Definitions(assets=[barley_lots, steep_curves, germination_index, friability, release_certificate,
                           colour_report], asset_checks=[germination_above_95, steep_curves_monotonic],
                   executor=in_process_executor)
'''

DG_BAD = '''
from dagster import Definitions, asset, job, op


@asset
def kiln_log():
    return 1


@asset(name="kiln_log")
def kiln_log_v2():
    return 2


@op
def dispatch(lorry: str):
    return lorry


@job
def dispatch_job():
    dispatch(lorry_count())


defs = Definitions(assets=[kiln_log, kiln_log_v2], jobs=[dispatch_job])
'''

DG_BAD2 = '''
from dagster import Definitions, asset, define_asset_job


@asset(deps=["silo_levels"])
def blend_plan():
    return {}


defs = Definitions(assets=[blend_plan], jobs=[define_asset_job("blend", selection="blend_plan+ | silo_moisture")],
                   schedules=[])
'''


def cap_dagster(tmp: Path) -> None:
    d = tmp / "dagster"
    write_tree(d, {"kiln_jobs.py": DG_JOB, "lab_assets.py": DG_ASSETS, "bad_defs.py": DG_BAD,
                   "blend_defs.py": DG_BAD2, "dagster_home/dagster.yaml": "telemetry:\n  enabled: false\n"})
    env = venv_env("dagster", {"DAGSTER_HOME": str(d / "dagster_home")})

    def c(item, cmd, ext, timeout=600):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("dagster-job-execute-kiln", "dagster job execute -f kiln_jobs.py -j kiln_job", n_dagster_job)
    c("dagster-job-execute-kiln-tail-60", "dagster job execute -f kiln_jobs.py -j kiln_job 2>&1 | tail -n 60",
      n_dagster_job)
    c("dagster-job-execute-intake-echo", "dagster job execute -f kiln_jobs.py -j intake_job; echo EXIT=$?",
      n_dagster_job)
    c("dagster-job-execute-kiln-grep-failure", "dagster job execute -f kiln_jobs.py -j kiln_job 2>&1 | "
      "grep -E 'STEP_FAILURE|RUN_|RETRY|Error' ", n_dagster_job)
    c("dagster-asset-materialize-all", "dagster asset materialize -f lab_assets.py --select '*'", n_dagster_assets)
    c("dagster-asset-materialize-lab-echo", "dagster asset materialize -f lab_assets.py --select "
      "'barley_lots,germination_index,steep_curves'; echo EXIT=$?", n_dagster_assets)
    c("dagster-definitions-validate-bad", "dagster definitions validate -f bad_defs.py", n_dagster_validate)
    c("dagster-definitions-validate-blend-echo", "dagster definitions validate -f blend_defs.py; echo EXIT=$?",
      n_dagster_validate)
    c("dagster-definitions-validate-both", "dagster definitions validate -f lab_assets.py -f kiln_jobs.py 2>&1 | "
      "grep -v Warning", n_dagster_validate)


# ------------------------------------------------------------------ Prefect

PF_FLOW = '''
"""maltworks: a kilning cycle as a Prefect flow."""
import sys
from pathlib import Path

from prefect import flow, get_run_logger, task

TRIES = Path("probe_tries.txt")


@task
def load_kiln(kiln: str) -> float:
    t = 20.0 + int(kiln) * 0.55
    if t > 24.5:
        get_run_logger().warning(f"kiln {kiln}: load {t:.1f} t above nominal 24.5 t")
    return t


@task(retries=2, retry_delay_seconds=1)
def check_moisture(kiln: str, tonnes: float) -> float:
    if kiln == "07":
        raise ValueError(f"kiln {kiln}: moisture 47.1% above 45.0%, probe K{kiln}-B stuck?")
    if kiln == "03":
        n = int(TRIES.read_text()) if TRIES.exists() else 0
        TRIES.write_text(str(n + 1))
        if n == 0:
            raise ConnectionError("kiln 03: probe gateway 10.40.0.3:502 timed out")
    return 4.0 + int(kiln) / 10


@task
def cure(kiln: str, moisture: float) -> dict:
    return {"kiln": kiln, "colour_ebc": round(3.0 + int(kiln) / 10, 2)}


@flow(name="maltworks-kiln", log_prints=True)
def kiln_cycle(kilns: int = 9):
    out = []
    for i in range(1, kilns + 1):
        k = f"{i:02d}"
        t = load_kiln(k)
        m = check_moisture(k, t)
        out.append(cure(k, m))
    print(f"cured {len(out)} kilns")
    return out


if __name__ == "__main__":
    kiln_cycle(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
'''

PF_MANY = '''
"""maltworks: a week of intake flows, one of them failing."""
from prefect import flow, get_run_logger, task


@task
def weigh(day: int) -> float:
    return 100 + day * 3.5


@task
def grade(day: int, total: float) -> float:
    if day in (3,):
        raise RuntimeError(f"day {day}: protein out of spec for ['lot-B'] (max 12.0%)")
    return total


@flow(name="maltworks-intake")
def intake(day: int):
    get_run_logger().info(f"intake for day {day}")
    return grade(day, weigh(day))


if __name__ == "__main__":
    for day in range(1, 11):
        try:
            intake(day)
        except Exception as e:
            print(f"day {day} failed: {e}")
'''


def cap_prefect(tmp: Path) -> None:
    """A Prefect server of its own on loopback (its temporary server took about a minute to start on this loaded
    machine, past its 20 s timeout), the flows run against it."""
    d = tmp / "prefect"
    write_tree(d, {"kiln_flow.py": PF_FLOW, "intake_week.py": PF_MANY})
    base = {"PREFECT_HOME": str(d / ".prefect"), "PREFECT_LOGGING_COLORS": "false", "PREFECT_UI_ENABLED": "false"}
    srv = venv_env("prefect", base)
    srv.pop("VIRTUAL_ENV", None)
    cm.start(f"prefect server start --host 127.0.0.1 --port {PF_PORT}", cwd=d, env=srv,
             log=open(d / "server.log", "wb"))
    for _ in range(90):
        if "true" in run(f"curl -s http://127.0.0.1:{PF_PORT}/api/health", timeout=10):
            break
        time.sleep(2)
    env = venv_env("prefect", {**base, "PREFECT_API_URL": f"http://127.0.0.1:{PF_PORT}/api"})

    def c(item, cmd, ext, timeout=600):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("prefect-flow-run-kiln", "python kiln_flow.py", n_prefect_run)
    (d / "probe_tries.txt").unlink(missing_ok=True)
    c("prefect-flow-run-kiln-echo", "python kiln_flow.py 12; echo EXIT=$?", n_prefect_run)
    (d / "probe_tries.txt").unlink(missing_ok=True)
    c("prefect-flow-run-kiln-tail-40", "python kiln_flow.py 5 2>&1 | tail -n 40", n_prefect_run)
    c("prefect-flow-run-intake-week", "python intake_week.py", n_prefect_run)
    c("prefect-flow-run-ls", "prefect flow-run ls", n_prefect_ls)
    c("prefect-flow-run-ls-limit-echo", "prefect flow-run ls --limit 8; echo EXIT=$?", n_prefect_ls)


STEPS = [cap_dagster, cap_prefect]
