"""Round 141, Kedro and Great Expectations: `maltworks` as a Kedro 1.x project made by `kedro new` (intake, steeping,
kilning, lab QC pipelines over seeded CSVs, one kiln's export with a renamed column, a dataset factory pattern, a
dataset that is never written), run with `kedro run` and looked at with `kedro registry list` and `kedro catalog …`;
the malt lots validated by Great Expectations 1.x suites of 15 to 87 expectations with faults put in (nulls, values out
of range, unknown varieties, duplicate lots), printed as JSON, by `describe()` and as a checkpoint's result. Run
through capture_wide141.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, run, write_tree
from capture_wide141 import add, exit_lines, tracebacks, venv_env

RICH_LEVEL = re.compile(r"^(?:\[[^\]]+\]|\s{8,})?\s*(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s{2,}(.*)$")


@cm.kind("kedro-run", "log")
def n_kedro_run(lines):
    """Rules 1+3+5 on kedro run: every ERROR line, each traceback's exception and innermost File/frame line, the line naming the failed node, the resume suggestion line(s) (--from-nodes / --resume), the last Completed N out of M tasks line, WARNING lines one {"any"} per message shape, an EXIT=N line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        m = RICH_LEVEL.match(ln)
        if m and m.group(1) in ("ERROR", "CRITICAL"):
            out.append(ln)
        elif m and m.group(1) == "WARNING":
            warn.append((mask(m.group(2)), ln))
        if re.search(r"Failed while running node|Node .* failed", ln):
            out.append(ln)
        if re.search(r"--from-nodes|--resume", ln):
            out.append(ln)
    done = [ln for ln in lines if re.search(r"Completed \d+ out of \d+ tasks", ln)]
    out += done[-1:] + tracebacks(lines)
    out += [ln for ln in lines if re.match(r"^\w*(Error|Exception): ", ln)]
    return out + groups(warn) + exit_lines(lines)


@cm.kind("kedro-registry-list", "listing")
def n_kedro_registry(lines):
    """Rule 5 on kedro registry list: every pipeline name line (the whole answer), an EXIT=N line."""
    return [ln for ln in lines if re.match(r"^- \S+", ln)] + exit_lines(lines)


@cm.kind("kedro-catalog-list", "listing")
def n_kedro_catalog(lines):
    """Rules 1+5 on kedro catalog describe-datasets / list-patterns / resolve-patterns: every section header line (a pipeline name, a dataset type, datasets/factories/defaults), every dataset line under a section whose name marks it as not in the catalog (default, missing, not mentioned, MemoryDataset), every error line, an EXIT=N line."""
    out, under = [], False
    for ln in lines:
        if RICH_LEVEL.match(ln) and not re.search(r"ERROR|WARNING", ln[:40]):
            continue
        if re.match(r"^\s*[^\s-][^:]*:\s*$", ln):  # a pipeline, a dataset type, datasets/factories/defaults
            out.append(ln)
            under = bool(re.search(r"(?i)default|missing|not mentioned|memorydataset", ln))
            continue
        if under and re.match(r"^\s+- \S", ln):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"\bERROR\b|\w+(Error|Exception): |^Error:", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ Kedro

NODES = {
    "intake": ('''
import pandas as pd


def clean_lots(barley_lots: pd.DataFrame) -> pd.DataFrame:
    lots = barley_lots.dropna(subset=["protein"])
    return lots[lots["germination"] >= 95]
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import clean_lots


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline([Node(clean_lots, "barley_lots", "clean_lots", name="clean_lots_node")])
'''),
    "steeping": ('''
import pandas as pd


def steep_uptake(steep_log: pd.DataFrame, clean_lots: pd.DataFrame) -> pd.DataFrame:
    merged = steep_log.merge(clean_lots, on="lot")
    return merged.groupby("lot", as_index=False)["moisture_pct"].max()
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import steep_uptake


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline([Node(steep_uptake, ["steep_log", "clean_lots"], "steep_summary", name="steep_uptake_node")])
'''),
    "kilning": ('''
import logging

import pandas as pd

log = logging.getLogger(__name__)


def summarize_kiln(readings: pd.DataFrame, limits: dict) -> pd.DataFrame:
    last = readings.iloc[-1]
    if last["moisture_pct"] > limits["max_moisture_pct"]:
        log.warning("kiln %s finished at %.1f%% moisture", last["kiln"], last["moisture_pct"])
    return pd.DataFrame([{"kiln": last["kiln"], "moisture_pct": last["moisture_pct"],
                          "hours": len(readings)}])


def combine_kilns(*parts: pd.DataFrame) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True)
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import combine_kilns, summarize_kiln

KILNS = [f"k{i:02d}" for i in range(1, 7)]


def create_pipeline(**kwargs) -> Pipeline:
    nodes = [Node(summarize_kiln, [f"{k}_kiln_readings", "params:limits"], f"{k}_summary", name=f"summarize_{k}")
             for k in KILNS]
    nodes.append(Node(combine_kilns, [f"{k}_summary" for k in KILNS], "kiln_summary", name="combine_kilns_node"))
    return Pipeline(nodes)
'''),
    "lab_qc": ('''
import pandas as pd


def release_check(kiln_summary: pd.DataFrame, steep_summary: pd.DataFrame, limits: dict) -> pd.DataFrame:
    bad = kiln_summary[kiln_summary["moisture_pct"] > limits["max_moisture_pct"]]
    return pd.DataFrame({"kiln": kiln_summary["kiln"], "released": ~kiln_summary["kiln"].isin(bad["kiln"])})


def certificate(release_report: pd.DataFrame, lab_certificates_template: str) -> str:
    return lab_certificates_template.format(n=int(release_report["released"].sum()))
''', '''
from kedro.pipeline import Node, Pipeline

from .nodes import certificate, release_check


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline([
        Node(release_check, ["kiln_summary", "steep_summary", "params:limits"], "release_report",
             name="release_check_node"),
        Node(certificate, ["release_report", "lab_certificates_template"], "certificate_text", name="certificate_node"),
    ])
'''),
}

CATALOG = """
barley_lots:
  type: pandas.CSVDataset
  filepath: data/01_raw/barley_lots.csv

steep_log:
  type: pandas.CSVDataset
  filepath: data/01_raw/steep_log.csv

"{kiln}_kiln_readings":
  type: pandas.CSVDataset
  filepath: data/01_raw/kilns/{kiln}.csv

clean_lots:
  type: pandas.CSVDataset
  filepath: data/02_intermediate/clean_lots.csv

steep_summary:
  type: pandas.CSVDataset
  filepath: data/03_primary/steep_summary.csv

kiln_summary:
  type: pandas.CSVDataset
  filepath: data/03_primary/kiln_summary.csv

release_report:
  type: pandas.CSVDataset
  filepath: data/08_reporting/release_report.csv

lab_certificates_template:
  type: text.TextDataset
  filepath: data/01_raw/certificate_template.txt
"""


def _kedro_data(root: Path, rng: random.Random) -> None:
    lots = ["lot,variety,protein,germination"]
    for i in range(1, 61):
        prot = "" if i in (12, 47) else f"{rng.uniform(9.5, 12.5):.1f}"
        lots.append(f"L{i:03d},{rng.choice(['Laureate', 'Planet', 'Diablo'])},{prot},{rng.randint(93, 100)}")
    steep = ["lot,hour,moisture_pct"]
    for i in range(1, 61):
        for h in (0, 8, 16, 24, 32, 40):
            steep.append(f"L{i:03d},{h},{min(46.0, 12 + h * 0.85 + rng.uniform(-1, 1)):.1f}")
    files = {"data/01_raw/barley_lots.csv": "\n".join(lots) + "\n",
             "data/01_raw/steep_log.csv": "\n".join(steep) + "\n"}
    for k in range(1, 7):
        col = "moist_pct" if k == 4 else "moisture_pct"
        rows = [f"kiln,hour,air_on_c,{col}"]
        m = 44.0
        for h in range(1, 25):
            m = max(3.8 + (k == 5) * 2.1, m - rng.uniform(1.5, 2.6))
            rows.append(f"k{k:02d},{h},{55 + h * 1.2:.1f},{m:.1f}")
        files[f"data/01_raw/kilns/k{k:02d}.csv"] = "\n".join(rows) + "\n"
    write_tree(root, files)


def cap_kedro(tmp: Path) -> None:
    d = tmp / "kedro"
    d.mkdir(parents=True, exist_ok=True)
    env = venv_env("kedro")
    run("kedro new --name maltworks --tools none --example n --telemetry no", cwd=d, env=env, timeout=300)
    p = d / "maltworks"
    files = {"conf/base/catalog.yml": CATALOG,
             "conf/base/parameters.yml": "limits:\n  max_moisture_pct: 4.5\n  min_germination: 95\n"}
    for name, (nodes, pipe) in NODES.items():
        base = f"src/maltworks/pipelines/{name}"
        files.update({f"{base}/__init__.py": "from .pipeline import create_pipeline  # noqa: F401\n",
                      f"{base}/nodes.py": nodes, f"{base}/pipeline.py": pipe})
    write_tree(p, files)
    _kedro_data(p, random.Random(1411))

    def c(item, cmd, ext, timeout=600):
        add(item, cmd, run(cmd, cwd=p, env=env, timeout=timeout), ext)

    c("kedro-run-all", "kedro run", n_kedro_run)
    c("kedro-run-intake-steeping", "kedro run --pipeline intake && kedro run --pipeline steeping", n_kedro_run)
    c("kedro-run-kilning-tail-40", "kedro run --pipeline kilning 2>&1 | tail -n 40", n_kedro_run)
    c("kedro-run-lab-qc-echo", "kedro run --pipeline lab_qc; echo EXIT=$?", n_kedro_run)
    c("kedro-registry-list", "kedro registry list", n_kedro_registry)
    c("kedro-catalog-describe-datasets", "kedro catalog describe-datasets", n_kedro_catalog)
    c("kedro-catalog-describe-kilning", "kedro catalog describe-datasets -p kilning -p lab_qc", n_kedro_catalog)
    c("kedro-catalog-resolve-patterns", "kedro catalog resolve-patterns", n_kedro_catalog)
    c("kedro-catalog-resolve-kilning-echo", "kedro catalog resolve-patterns -p kilning 2>&1 | grep -v Warning; "
      "echo EXIT=$?", n_kedro_catalog)


# ------------------------------------------------------------------ Great Expectations

def _gx_failed_blocks(lines):
    """The lines of each expectation result whose "success" is false, as (start, end) ranges of a JSON print: an
    expectation result opens with a `{` line and holds `"success": false` at its own depth."""
    out = []
    stack = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.endswith("{") or s.endswith("[{"):
            stack.append(i)
        if s.startswith("}") and stack:
            a = stack.pop()
            block = lines[a:i + 1]
            ind = len(lines[a + 1]) - len(lines[a + 1].lstrip()) if a + 1 <= i else 0
            own = [b for b in block if len(b) - len(b.lstrip()) == ind]
            if any(re.match(r'^\s*"success": false', b) for b in own) and \
                    any(re.search(r'"(expectation_config|expectation_type|type)"', b) for b in block) and \
                    not any(re.match(r'^\s*"(results|expectations|statistics)": [\[{]', b) for b in own):
                out.append(block)
    return out


def _gx(lines):
    out = [ln for ln in lines if re.match(r'^ {0,4}"success": (true|false)', ln)]
    a = next((i for i, ln in enumerate(lines) if re.match(r'^\s*"statistics": \{', ln)), None)
    while a is not None and a < len(lines):
        if re.search(r"\w", lines[a]):  # a closing brace alone names nothing
            out.append(lines[a])
        if lines[a].strip().startswith("}"):
            break
        a += 1
    for block in _gx_failed_blocks(lines):
        out += [ln for ln in block if re.match(
            r'^\s*"(type|expectation_type|column|unexpected_count|unexpected_percent)": ', ln)]
    return out


@cm.kind("gx-validation-json", "json")
def n_gx_json(lines):
    """Rules 3+5 on a Great Expectations validation result printed as JSON: the top-level "success" line, every line of the statistics block, and for every expectation whose "success" is false its "type"/"expectation_type", "column", "unexpected_count" and "unexpected_percent" lines, an EXIT=N line."""
    return _gx(lines) + exit_lines(lines)


@cm.kind("gx-validation-describe", "json")
def n_gx_describe(lines):
    """Rules 3+5 on describe() of a Great Expectations validation result: as gx-validation-json, an EXIT=N line."""
    return _gx(lines) + exit_lines(lines)


@cm.kind("gx-checkpoint-result", "json")
def n_gx_checkpoint(lines):
    """Rules 1+3+5 on a Great Expectations checkpoint's result printed: the overall success line, the name line of every validation run, as gx-validation-json for each validation result inside it, every error/traceback line, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r'^\s*"(success|name|checkpoint_name|run_name)": ', ln) and
           not re.match(r'^\s{8,}"success"', ln)]
    out += _gx(lines) + tracebacks(lines)
    out += [ln for ln in lines if re.match(r"^\w*(Error|Exception): ", ln)]
    return out + exit_lines(lines)


GX_DATA = '''
import random

import pandas as pd


def lots(n=300, seed=1412):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append({
            "lot": f"ML{i:04d}" if i != 211 else "ML0042",
            "variety": rng.choice(["Laureate", "Planet", "Diablo"]) if i not in (17, 230) else "Laureat",
            "moisture": round(rng.uniform(3.6, 4.6), 2) if i not in (5, 88, 141) else 6.3,
            "protein": round(rng.uniform(9.5, 11.8), 1) if i % 97 else None,
            "extract": round(rng.uniform(80.5, 83.0), 1),
            "colour_ebc": round(rng.uniform(3.0, 4.2), 2) if i != 260 else 14.8,
            "friability": round(rng.uniform(82, 95), 1) if i not in (33, 34, 35, 36) else 61.0,
            "germination": rng.randint(96, 100),
            "beta_glucan": rng.randint(60, 180) if i % 50 else 420,
            "fan": rng.randint(130, 180),
            "kolbach": round(rng.uniform(36, 44), 1),
            "ph": round(rng.uniform(5.8, 6.1), 2),
            "viscosity": round(rng.uniform(1.45, 1.6), 2),
            "diastatic_power": rng.randint(250, 380),
            "screenings": round(rng.uniform(0.5, 2.5), 1) if i != 120 else None,
            "homogeneity": round(rng.uniform(85, 98), 1),
        })
    return pd.DataFrame(rows)
'''

GX_SUITE = '''
import sys

import great_expectations as gx
import great_expectations.expectations as gxe

from malt_data import lots

BOUNDS = {"moisture": (3.5, 4.8), "protein": (9.0, 12.0), "extract": (80.0, 84.0), "colour_ebc": (2.5, 4.5),
          "friability": (80, 100), "germination": (95, 100), "beta_glucan": (0, 250), "fan": (120, 200),
          "kolbach": (35, 45), "ph": (5.7, 6.2), "viscosity": (1.4, 1.65), "diastatic_power": (240, 400),
          "screenings": (0, 3.0), "homogeneity": (80, 100)}


def suite_for(n_columns):
    suite = gx.ExpectationSuite(name=f"malt_release_{n_columns}")
    suite.add_expectation(gxe.ExpectColumnValuesToBeUnique(column="lot"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="variety", value_set=["Laureate", "Planet", "Diablo"]))
    for col, (lo, hi) in list(BOUNDS.items())[:n_columns]:
        suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=col))
        suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMeanToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMaxToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMinToBeBetween(column=col, min_value=lo, max_value=hi))
        suite.add_expectation(gxe.ExpectColumnMedianToBeBetween(column=col, min_value=lo, max_value=hi))
    suite.add_expectation(gxe.ExpectTableRowCountToBeBetween(min_value=250, max_value=400))
    return suite


def context_and_validation(n_columns, name="release"):
    ctx = gx.get_context(mode="ephemeral")
    ds = ctx.data_sources.add_pandas("lab")
    bd = ds.add_dataframe_asset("malt_lots").add_batch_definition_whole_dataframe("all_lots")
    suite = ctx.suites.add(suite_for(n_columns))
    vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=name, data=bd, suite=suite))
    return ctx, vd


if __name__ == "__main__":
    n, how = int(sys.argv[1]), sys.argv[2]
    ctx, vd = context_and_validation(n)
    if how == "checkpoint":
        cp = ctx.checkpoints.add(gx.Checkpoint(name="nightly_malt_release", validation_definitions=[vd]))
        print(cp.run(batch_parameters={"dataframe": lots()}))
    else:
        res = vd.run(batch_parameters={"dataframe": lots()}, result_format=sys.argv[3] if len(sys.argv) > 3 else "SUMMARY")
        print(res.describe() if how == "describe" else res)
        sys.exit(0 if res.success else 1)
'''


def cap_gx(tmp: Path) -> None:
    d = tmp / "gx"
    write_tree(d, {"malt_data.py": GX_DATA, "validate_malt.py": GX_SUITE})
    env = venv_env("gx")

    def c(item, cmd, ext, timeout=600):
        add(item, cmd, run(cmd, cwd=d, env=env, timeout=timeout), ext)

    c("gx-validation-json-87", "python validate_malt.py 14 json 2>&1 | grep -v Calculating", n_gx_json)
    c("gx-validation-json-12", "python validate_malt.py 2 json", n_gx_json)
    c("gx-validation-json-basic-echo", "python validate_malt.py 6 json BASIC; echo EXIT=$?", n_gx_json)
    c("gx-validation-describe-87", "python validate_malt.py 14 describe", n_gx_describe)
    c("gx-validation-describe-33-tail-120", "python validate_malt.py 5 describe 2>&1 | tail -n 120", n_gx_describe)
    c("gx-checkpoint-result-21", "python validate_malt.py 3 checkpoint", n_gx_checkpoint)
    c("gx-checkpoint-result-51-echo", "python validate_malt.py 8 checkpoint 2>&1 | grep -v Calculating; echo EXIT=$?",
      n_gx_checkpoint)


STEPS = [cap_kedro, cap_gx]
