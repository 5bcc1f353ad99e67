"""Round 150, round 141's orchestrator kinds again on `vintner`'s cellar pipelines (harvest, crush, press, ferment,
bottle), written here with faults put in and run on this machine alone with round 141's venvs: Airflow 2.10 on sqlite
(`airflow dags test`, `airflow tasks test`, a task's log, `airflow dags list`, `airflow dags list-import-errors`),
Dagster (`dagster job execute`, `dagster asset materialize`, `dagster definitions validate`), Prefect 3 against a
server of its own on 127.0.0.1 (a flow run, `prefect flow-run ls`), Kedro 1.7 (`kedro run`, `kedro catalog
describe-datasets`) and Great Expectations 1.x (a validation as JSON, `describe()`, a checkpoint). Needles from round
141's extractors, imported. Run through capture_wide150.py."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide150 import add
from capture_wide141_air import n_dags_list, n_dags_test, n_import_errors, n_task_log, n_tasks_test
from capture_wide141_dag import (n_dagster_assets, n_dagster_job, n_dagster_validate, n_prefect_ls,
                                 n_prefect_run)
from capture_wide141_ked import n_gx_checkpoint, n_gx_describe, n_gx_json, n_kedro_catalog, n_kedro_run

# round 141's venvs where they are on this machine (HM_WIDE150_VENVS overrides the airflow one's parent)
VENVS = {"airflow": Path("/dev/shm/r141/airflow"), "dagster": Path("/tmp/r141-dagster"),
         "prefect": Path("/tmp/r141-prefect"), "kedro": Path("/tmp/r141-kedro"), "gx": Path("/tmp/r141-gx")}
QUIET = {"KEDRO_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1", "DAGSTER_DISABLE_TELEMETRY": "1",
         "GX_ANALYTICS_ENABLED": "False", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
         "SCARF_ANALYTICS": "false", "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
PF_PORT = 4250


def venv_env(name: str, extra: dict | None = None) -> dict:
    e = dict(QUIET)
    e["PATH"] = os.pathsep.join([str(VENVS[name] / "bin"), *cm.PATH_PREFIX, os.environ.get("PATH", "")])
    e["VIRTUAL_ENV"] = str(VENVS[name])
    e.update(extra or {})
    return e


# ------------------------------------------------------------------ Airflow

HARVEST = '''
"""vintner: one harvest day over fourteen vineyard plots."""
import logging
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import PythonOperator

log = logging.getLogger("vintner.harvest")
PLOTS = [f"p{i:02d}" for i in range(1, 15)]


def pick(plot, **ctx):
    kg = 800 + int(plot[1:]) * 37
    log.info("plot %s picked %d kg", plot, kg)
    if kg > 1250:
        log.warning("plot %s over crate capacity: %d kg", plot, kg)
    return kg


def brix(plot, **ctx):
    readings = {"p09": 31.4}
    b = readings.get(plot, 21.0 + int(plot[1:]) / 10)
    log.info("plot %s sugar %.1f Brix", plot, b)
    if b > 27.0:
        raise ValueError(f"plot {plot}: {b:.1f} Brix above 27.0, refractometer R-{plot} out of calibration?")
    return b


def crush(plot, **ctx):
    log.info("plot %s crushed into must tank T-%s", plot, plot[1:])


def press_report(**ctx):
    log.info("press report for %d plots", len(PLOTS))


with DAG("vintner_harvest", start_date=datetime(2026, 9, 1), schedule="@daily", catchup=False,
         default_args={"owner": "cellar", "retries": 1, "retry_delay": timedelta(seconds=1)},
         tags=["harvest"]) as dag:
    start = EmptyOperator(task_id="start")
    sanitize = BashOperator(task_id="sanitize_press", bash_command="echo 'rinsing press'; test -f /srv/press/ok || exit 3")
    report = PythonOperator(task_id="press_report", python_callable=press_report)
    start >> sanitize
    for p in PLOTS:
        a = PythonOperator(task_id=f"pick_{p}", python_callable=pick, op_kwargs={"plot": p})
        b = PythonOperator(task_id=f"brix_{p}", python_callable=brix, op_kwargs={"plot": p})
        c = PythonOperator(task_id=f"crush_{p}", python_callable=crush, op_kwargs={"plot": p})
        start >> a >> b >> c >> report
'''

TANKS = '''
"""vintner: per-tank temperature DAGs, generated."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator

for i in range(1, 19):
    owner = "lab" if i == 11 else "cellar"
    d = DAG(f"tank_{i:02d}_temperature", start_date=datetime(2026, 9, 1), schedule="*/15 * * * *", catchup=False,
            default_args={"owner": owner}, is_paused_upon_creation=(i not in (4, 15)), tags=["tank"])
    EmptyOperator(task_id="read_probe", dag=d)
    globals()[d.dag_id] = d
'''

AF_BROKEN = {
    "dags/bottling.py": '''
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("vintner_bottling", start_date=datetime(2026, 9, 1), schedule="@daily", catchup=False) as dag
    EmptyOperator(task_id="rinse_bottles")
''',
    "dags/labels.py": '''
from airflow import DAG
from vintner_print.labels import LabelPrinter
''',
}


def cap_airflow(tmp: Path) -> None:
    home = tmp / "airflow"
    write_tree(home, {"dags/harvest.py": HARVEST, "dags/tanks.py": TANKS})
    env = venv_env("airflow", {"AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
                                "AIRFLOW__CORE__EXECUTOR": "SequentialExecutor",
                                "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO"})
    run("airflow db migrate", cwd=home, env=env, timeout=600)
    run("airflow dags reserialize", cwd=home, env=env, timeout=600)

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=home, env=env, timeout=timeout), ext)

    c("airflow-dags-test-harvest-tail-90", "airflow dags test vintner_harvest 2026-09-20 2>&1 | tail -n 90", n_dags_test)
    c("airflow-tasks-test-brix-echo", "airflow tasks test vintner_harvest brix_p09 2026-09-20; echo EXIT=$?",
      n_tasks_test)
    run("airflow tasks run vintner_harvest brix_p09 manual__2026-09-20T00:00:00+00:00 --local -i -f", cwd=home, env=env,
        timeout=600)
    logs = sorted((home / "logs").glob("dag_id=vintner_harvest/**/task_id=brix_p09/attempt=*.log"))
    if logs:
        c("airflow-task-log-brix", f"cat '{logs[-1].relative_to(home)}'", n_task_log)
    c("airflow-dags-list", "airflow dags list 2>&1 | grep -v Warning", n_dags_list)
    write_tree(home, AF_BROKEN)
    c("airflow-import-errors-echo", "airflow dags list-import-errors; echo EXIT=$?", n_import_errors)


# ------------------------------------------------------------------ Dagster

DG_JOB = '''
"""vintner: a pressing day as a Dagster job."""
from dagster import Backoff, Definitions, In, OpExecutionContext, RetryPolicy, in_process_executor, job, op

PRESSES = [f"{i:02d}" for i in range(1, 11)]


@op
def receive_grapes(context: OpExecutionContext) -> dict:
    lot = {"id": "H-2609", "kg": 14250, "variety": "Grenache"}
    context.log.info(f"lot {lot['id']}: {lot['kg']} kg of {lot['variety']}")
    return lot


def make_press(p):
    @op(name=f"load_press_{p}")
    def load(context: OpExecutionContext, lot: dict) -> int:
        kg = 1300 + int(p) * 23
        context.log.info(f"press {p}: loaded {kg} kg from {lot['id']}")
        return kg

    @op(name=f"press_cycle_{p}", retry_policy=RetryPolicy(max_retries=2, delay=0.2, backoff=Backoff.LINEAR))
    def cycle(context: OpExecutionContext, kg: int) -> float:
        if p == "08":
            raise RuntimeError(f"press {p}: membrane pressure 2.9 bar above 2.0 bar, valve V{p}-3 stuck?")
        return round(kg * 0.68, 1)

    @op(name=f"pump_juice_{p}")
    def pump(context: OpExecutionContext, litres: float) -> dict:
        return {"press": p, "litres": litres}

    return load, cycle, pump


OPS = {p: make_press(p) for p in PRESSES}


@op(ins={f"p{p}": In(dict) for p in PRESSES})
def juice_report(context: OpExecutionContext, **presses) -> None:
    context.log.info(f"juice from {len(presses)} presses")


@job(tags={"site": "vintner"}, executor_def=in_process_executor)
def press_job():
    lot = receive_grapes()
    outs = {}
    for p, (load, cycle, pump) in OPS.items():
        outs[f"p{p}"] = pump(cycle(load(lot)))
    juice_report(**outs)


defs = Definitions(jobs=[press_job])
'''

DG_ASSETS = '''
"""vintner: fermentation data as assets."""
from dagster import AssetCheckResult, AssetExecutionContext, Definitions, asset, asset_check, in_process_executor


@asset(group_name="ferment")
def must_lots(context: AssetExecutionContext):
    lots = [{"lot": f"M{i:03d}", "brix": 21 + (i % 6) * 0.7, "ph": 3.2 + (i % 5) * 0.05} for i in range(30)]
    context.log.info(f"{len(lots)} must lots")
    return lots


@asset(group_name="ferment")
def yeast_schedule(must_lots):
    return {l["lot"]: "EC-1118" for l in must_lots}


@asset(group_name="ferment")
def density_curves(must_lots):
    return {l["lot"]: [1.095, 1.060, 1.021, 0.996] for l in must_lots}


@asset(group_name="ferment")
def malolactic_status(density_curves):
    raise ValueError("lab export cellar/mlf_2609.csv has no column 'malic_g_l' (found: lot, date, lactic_g_l)")


@asset(group_name="release")
def blend_sheet(malolactic_status, yeast_schedule):
    return {"ok": True}


@asset_check(asset=must_lots)
def ph_below_3_5(must_lots):
    high = [l["lot"] for l in must_lots if l["ph"] > 3.35]
    return AssetCheckResult(passed=not high, metadata={"high_ph_lots": len(high)})


defs = Definitions(assets=[must_lots, yeast_schedule, density_curves, malolactic_status, blend_sheet],
                   asset_checks=[ph_below_3_5], executor=in_process_executor)
'''

DG_BAD = '''
from dagster import Definitions, asset, job, op


@asset
def barrel_map():
    return 1


@op
def rack(barrel: str):
    return barrel


@job
def rack_job():
    rack(barrel_list())


defs = Definitions(assets=[barrel_map], jobs=[rack_job])
'''


def cap_dagster(tmp: Path) -> None:
    d = tmp / "dagster"
    write_tree(d, {"press_jobs.py": DG_JOB, "ferment_assets.py": DG_ASSETS, "rack_defs.py": DG_BAD,
                   "dagster_home/dagster.yaml": "telemetry:\n  enabled: false\n"})
    env = venv_env("dagster", {"DAGSTER_HOME": str(d / "dagster_home")})

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("dagster-job-execute-press-echo", "dagster job execute -f press_jobs.py -j press_job; echo EXIT=$?", n_dagster_job)
    c("dagster-asset-materialize-ferment", "dagster asset materialize -f ferment_assets.py --select '*'",
      n_dagster_assets)
    c("dagster-definitions-validate-rack-echo", "dagster definitions validate -f rack_defs.py; echo EXIT=$?",
      n_dagster_validate)


# ------------------------------------------------------------------ Prefect

PF_FLOW = '''
"""vintner: a racking round as a Prefect flow."""
import sys
from pathlib import Path

from prefect import flow, get_run_logger, task

TRIES = Path("pump_tries.txt")


@task
def measure(tank: str) -> float:
    v = 4000 + int(tank) * 150
    if v > 5600:
        get_run_logger().warning(f"tank {tank}: {v} l above fill line 5600 l")
    return v


@task(retries=2, retry_delay_seconds=1)
def rack(tank: str, litres: float) -> float:
    if tank == "05":
        raise ValueError(f"tank {tank}: lees sensor reads 38% solids, above 20%, racking would cloud the wine")
    if tank == "02":
        n = int(TRIES.read_text()) if TRIES.exists() else 0
        TRIES.write_text(str(n + 1))
        if n == 0:
            raise ConnectionError("tank 02: pump controller 10.8.0.2:502 refused connection")
    return litres * 0.97


@task
def log_move(tank: str, litres: float) -> dict:
    return {"tank": tank, "litres": round(litres, 1)}


@flow(name="vintner-racking", log_prints=True)
def racking(tanks: int = 11):
    out = []
    for i in range(1, tanks + 1):
        t = f"{i:02d}"
        out.append(log_move(t, rack(t, measure(t))))
    print(f"racked {len(out)} tanks")
    return out


if __name__ == "__main__":
    racking(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
'''


def cap_prefect(tmp: Path) -> None:
    d = tmp / "prefect"
    write_tree(d, {"racking_flow.py": PF_FLOW})
    base = {"PREFECT_HOME": str(d / ".prefect"), "PREFECT_LOGGING_COLORS": "false", "PREFECT_UI_ENABLED": "false"}
    srv = venv_env("prefect", base)
    srv.pop("VIRTUAL_ENV", None)
    proc = cm.start(f"prefect server start --host 127.0.0.1 --port {PF_PORT}", cwd=d, env=srv,
                    log=open(d / "server.log", "wb"))
    for _ in range(120):
        if "true" in run(f"curl -s http://127.0.0.1:{PF_PORT}/api/health", timeout=10):
            break
        time.sleep(2)
    env = venv_env("prefect", {**base, "PREFECT_API_URL": f"http://127.0.0.1:{PF_PORT}/api"})

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("prefect-flow-run-racking-echo", "python racking_flow.py; echo EXIT=$?", n_prefect_run)
    (d / "pump_tries.txt").unlink(missing_ok=True)
    run("python racking_flow.py 4", cwd=d, env=env, timeout=600)
    run("python racking_flow.py 3", cwd=d, env=env, timeout=600)
    c("prefect-flow-run-ls", "prefect flow-run ls", n_prefect_ls)
    cm.stop(proc)


# ------------------------------------------------------------------ Kedro

NODES = {
    "crush": ('''
import pandas as pd


def clean_loads(grape_loads: pd.DataFrame) -> pd.DataFrame:
    loads = grape_loads.dropna(subset=["brix"])
    return loads[loads["kg"] > 0]
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import clean_loads


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline([Node(clean_loads, "grape_loads", "clean_loads", name="clean_loads_node")])
'''),
    "ferment": ('''
import logging

import pandas as pd

log = logging.getLogger(__name__)


def tank_curve(readings: pd.DataFrame, limits: dict) -> pd.DataFrame:
    last = readings.iloc[-1]
    if last["density"] > limits["dry_density"]:
        log.warning("tank %s stuck at density %.3f", last["tank"], last["density"])
    return pd.DataFrame([{"tank": last["tank"], "density": last["density"], "days": len(readings)}])


def combine_tanks(*parts: pd.DataFrame) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True)
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import combine_tanks, tank_curve

TANKS = [f"t{i:02d}" for i in range(1, 9)]


def create_pipeline(**kwargs) -> Pipeline:
    nodes = [Node(tank_curve, [f"{t}_density_log", "params:limits"], f"{t}_curve", name=f"curve_{t}") for t in TANKS]
    nodes.append(Node(combine_tanks, [f"{t}_curve" for t in TANKS], "ferment_summary", name="combine_tanks_node"))
    return Pipeline(nodes)
'''),
    "bottle": ('''
import pandas as pd


def bottling_plan(ferment_summary: pd.DataFrame, clean_loads: pd.DataFrame, limits: dict) -> pd.DataFrame:
    dry = ferment_summary[ferment_summary["density"] <= limits["dry_density"]]
    return pd.DataFrame({"tank": dry["tank"], "bottles": dry["days"] * 750})
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import bottling_plan


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline([Node(bottling_plan, ["ferment_summary", "clean_loads", "params:limits"], "bottling_plan",
                          name="bottling_plan_node")])
'''),
}

CATALOG = """
grape_loads:
  type: pandas.CSVDataset
  filepath: data/01_raw/grape_loads.csv

"{tank}_density_log":
  type: pandas.CSVDataset
  filepath: data/01_raw/tanks/{tank}.csv

clean_loads:
  type: pandas.CSVDataset
  filepath: data/02_intermediate/clean_loads.csv

ferment_summary:
  type: pandas.CSVDataset
  filepath: data/03_primary/ferment_summary.csv
"""


def _kedro_data(root: Path, rng: random.Random) -> None:
    loads = ["load,plot,kg,brix"]
    for i in range(1, 81):
        b = "" if i in (7, 66) else f"{rng.uniform(20.5, 25.5):.1f}"
        loads.append(f"L{i:03d},p{rng.randint(1, 14):02d},{rng.randint(300, 1400)},{b}")
    files = {"data/01_raw/grape_loads.csv": "\n".join(loads) + "\n"}
    for t in range(1, 9):
        col = "dens" if t == 6 else "density"
        rows = [f"tank,day,{col}"]
        dv = 1.095
        for day in range(1, 19):
            dv = max(0.994 + (t == 3) * 0.012, dv - rng.uniform(0.004, 0.009))
            rows.append(f"t{t:02d},{day},{dv:.3f}")
        files[f"data/01_raw/tanks/t{t:02d}.csv"] = "\n".join(rows) + "\n"
    write_tree(root, files)


def cap_kedro(tmp: Path) -> None:
    d = tmp / "kedro"
    d.mkdir(parents=True, exist_ok=True)
    env = venv_env("kedro")
    run("kedro new --name vintner --tools none --example n --telemetry no", cwd=d, env=env, timeout=600)
    p = d / "vintner"
    files = {"conf/base/catalog.yml": CATALOG, "conf/base/parameters.yml": "limits:\n  dry_density: 0.998\n"}
    for name, (nodes, pipe) in NODES.items():
        base = f"src/vintner/pipelines/{name}"
        files.update({f"{base}/__init__.py": "from .pipeline import create_pipeline  # noqa: F401\n",
                      f"{base}/nodes.py": nodes, f"{base}/pipeline.py": pipe})
    write_tree(p, files)
    _kedro_data(p, random.Random(1509))

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=p, env=env, timeout=timeout), ext)

    c("kedro-run-echo", "kedro run; echo EXIT=$?", n_kedro_run)
    c("kedro-catalog-describe-datasets", "kedro catalog describe-datasets", n_kedro_catalog)


# ------------------------------------------------------------------ Great Expectations

GX_DATA = '''
import random

import pandas as pd


def wines(n=260, seed=1510):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append({
            "lot": f"W{i:04d}" if i != 190 else "W0077",
            "cuvee": rng.choice(["Rouge", "Blanc", "Rose"]) if i not in (44,) else "Roze",
            "abv": round(rng.uniform(11.5, 14.2), 1) if i not in (12, 150) else 16.9,
            "ph": round(rng.uniform(3.15, 3.6), 2),
            "ta_g_l": round(rng.uniform(5.0, 7.5), 1) if i % 61 else None,
            "so2_free": rng.randint(15, 40) if i not in (98, 99, 100) else 72,
            "residual_sugar": round(rng.uniform(0.5, 4.0), 1),
            "va_g_l": round(rng.uniform(0.2, 0.6), 2) if i != 222 else 1.4,
            "turbidity_ntu": round(rng.uniform(0.2, 1.8), 1),
            "fill_ml": rng.randint(748, 752),
        })
    return pd.DataFrame(rows)
'''

GX_SUITE = '''
import sys

import great_expectations as gx
import great_expectations.expectations as gxe

from wine_data import wines

BOUNDS = {"abv": (11.0, 15.0), "ph": (3.1, 3.7), "ta_g_l": (4.5, 8.0), "so2_free": (10, 50),
          "residual_sugar": (0, 4.5), "va_g_l": (0, 0.8), "turbidity_ntu": (0, 2.0), "fill_ml": (747, 753)}


def suite_for(n_columns):
    suite = gx.ExpectationSuite(name=f"wine_release_{n_columns}")
    suite.add_expectation(gxe.ExpectColumnValuesToBeUnique(column="lot"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="cuvee", value_set=["Rouge", "Blanc", "Rose"]))
    for col, (lo, hi) in list(BOUNDS.items())[:n_columns]:
        suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=col))
        suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMeanToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMaxToBeBetween(column=col, min_value=lo, max_value=hi))
    suite.add_expectation(gxe.ExpectTableRowCountToBeBetween(min_value=100, max_value=250))
    return suite


def context_and_validation(n_columns, name="bottling_release"):
    ctx = gx.get_context(mode="ephemeral")
    ds = ctx.data_sources.add_pandas("cellar_lab")
    bd = ds.add_dataframe_asset("wine_lots").add_batch_definition_whole_dataframe("all_wines")
    suite = ctx.suites.add(suite_for(n_columns))
    vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=name, data=bd, suite=suite))
    return ctx, vd


if __name__ == "__main__":
    n, how = int(sys.argv[1]), sys.argv[2]
    ctx, vd = context_and_validation(n)
    if how == "checkpoint":
        cp = ctx.checkpoints.add(gx.Checkpoint(name="pre_bottling", validation_definitions=[vd]))
        print(cp.run(batch_parameters={"dataframe": wines()}))
    else:
        res = vd.run(batch_parameters={"dataframe": wines()}, result_format=sys.argv[3] if len(sys.argv) > 3 else "SUMMARY")
        print(res.describe() if how == "describe" else res)
        sys.exit(0 if res.success else 1)
'''


def cap_gx(tmp: Path) -> None:
    d = tmp / "gx"
    write_tree(d, {"wine_data.py": GX_DATA, "validate_wine.py": GX_SUITE})
    env = venv_env("gx")

    def c(item, cmd, ext, timeout=900):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("gx-validation-json-8-echo", "python validate_wine.py 8 json 2>&1 | grep -v Calculating; echo EXIT=$?", n_gx_json)
    c("gx-validation-describe-5", "python validate_wine.py 5 describe", n_gx_describe)
    c("gx-checkpoint-result-4-head-200", "python validate_wine.py 4 checkpoint 2>&1 | grep -v Calculating | head -n 200",
      n_gx_checkpoint)


STEPS = [cap_airflow, cap_dagster, cap_prefect, cap_kedro, cap_gx]
