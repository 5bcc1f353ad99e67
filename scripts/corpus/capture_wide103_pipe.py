"""Round 103, pipelines: the flood-survey's processing code (`floodmap`) written here with mistakes put in, widened by
seeded gauge lists: notebooks executed by papermill with a failing cell; a DVC repository (git and dvc init, a tracked
data file, a params file, stages per river) reproduced with a failing stage, its status and dag; a Snakemake workflow
of 100 jobs with a failing rule (run, -n, --summary); a Luigi pipeline on the local scheduler with a failing task and a
missing input. The extractors are this round's (NEEDLES.md, "Round 103"). Run through capture_wide103.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, next_match, prev_match, run, write_tree
from capture_wide103 import VENV, cap, exit_lines

EXC_RE = re.compile(r"^\s*(\w+\.)*\w*(Error|Exception|Exit|Interrupt)\b(:|$)")
FILE_RE = r'^\s*File "[^"]+", line \d+'


def _tracebacks(lines: list[str]) -> list:
    """Each traceback's exception line and its innermost `File` line."""
    out = []
    for i, ln in enumerate(lines):
        if EXC_RE.match(ln) and not ln.strip().startswith(("raise ", "except ")):
            out.append(ln)
            out.append(prev_match(lines, i, FILE_RE, 8))
    return out


def _warn(lines: list[str]) -> list:
    pairs = []
    for ln in lines:
        if re.search(r"\bWARNING\b|\bWarning\b", ln):
            pairs.append((mask(re.sub(r"^.*?(WARNING|Warning)\b:?", "", ln)), ln))
    return groups(pairs)


@kind("papermill-run", "test")
def n_papermill(lines):
    """Round 103: the Input/Output Notebook lines, the `Exception encountered at "In [N]":` line, every PapermillExecutionError line, the cell traceback's closing exception line and the innermost `Cell In[N], line M` frame above it, the last Executing: progress state; any EXIT= line."""
    out = [ln for ln in lines if re.search(r"(Input|Output) Notebook:", ln)]
    for i, ln in enumerate(lines):
        if re.search(r'Exception encountered at "In \[\d+\]":', ln) or "PapermillExecutionError" in ln:
            out.append(ln)
    cells = [i for i, ln in enumerate(lines) if re.match(r"^\s*Cell In\[\d+\], line \d+", ln)]
    excs = [i for i, ln in enumerate(lines) if EXC_RE.match(ln) and "PapermillExecutionError" not in ln]
    for i in excs:
        out.append(lines[i])
        above = [c for c in cells if c < i]
        if above:
            out.append(lines[above[-1]])
        else:
            out.append(prev_match(lines, i, FILE_RE, 8))
    prog = [ln for ln in lines if "Executing:" in ln]
    return out + prog[-1:] + _warn(lines) + exit_lines(lines)


@kind("dvc-repro", "build")
def n_dvc_repro(lines):
    """Round 103: every `Running stage '<name>':` line with its `> command` line, the failing command's traceback exception line, every ERROR: line, and the closing `Use dvc push` / `Updating lock file` line; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^Running stage '", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"^> ", 2))
        elif re.match(r"^ERROR:", ln):
            out.append(ln)
    for i, ln in enumerate(lines):
        if EXC_RE.match(ln):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"dvc push|Updating lock file", ln)][-1:]
    return out + _warn(lines) + exit_lines(lines)


@kind("dvc-status", "git")
def n_dvc_status(lines):
    """Round 103: every stage line (`<name>:`) and every changed deps/outs, modified, deleted, new, always changed line under it, or `Data and pipelines are up to date.`; any EXIT= line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\S.*:$", ln) and not ln.startswith(("ERROR", "WARNING")):
            out.append(ln)
        elif re.match(r"^(changed deps|changed outs|changed checksum|always changed|modified|deleted|new|"
                      r"not in cache|added)\b", s):
            out.append(ln)
        elif s.startswith("Data and pipelines are up to date"):
            out.append(ln)
        elif ln.startswith("ERROR"):
            out.append(ln)
    return out + exit_lines(lines)


@kind("dvc-dag", "listing")
def n_dvc_dag(lines):
    """Round 103: every line naming a stage (an ASCII box's `| name |` line, or a --mermaid / --dot node line) and, for --mermaid / --dot, every edge line; any EXIT= line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.search(r"\|\s*[\w@./:-]+\s*\|", ln) or re.search(r"\+[-]{3,}\+", ln) is None and \
                re.match(r"^[\w\"]+\s*\[|^node\d+\[", s):
            out.append(ln)
        elif re.search(r"-->|->", s):
            out.append(ln)
        elif ln.startswith("ERROR"):
            out.append(ln)
    return out + exit_lines(lines)


@kind("snakemake-run", "build")
def n_snakemake_run(lines):
    """Round 103: every `Error in rule <r>:` line with its jobid: line and the command line under shell:, every exception line, the Exiting/Shutting down line, the last `N of M steps (P%) done` line and the Complete log: line; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^Error in rule \S+:", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"^\s+jobid: ", 8))
            sh = next((k for k in range(i + 1, min(len(lines), i + 20)) if lines[k].strip() == "shell:"), None)
            if sh is not None:
                out.append(next_match(lines, sh, r"\S", 2))
        elif EXC_RE.match(ln) or re.search(r"\b\w+(Exception|Error) in (rule|file|line)\b", ln):
            out.append(ln)
            if ln.rstrip().endswith(":"):  # the exception's message is the line under it
                out.append(next_match(lines, i, r"\S", 1))
        elif re.search(r"Exiting because a job execution failed|Shutting down", ln):
            out.append(ln)
        elif re.match(r"^Complete log", ln):
            out.append(ln)
    steps = [ln for ln in lines if re.match(r"^\d+ of \d+ steps \(\d+%\) done", ln)]
    return out + steps[-1:] + _warn(lines) + exit_lines(lines)


@kind("snakemake-dryrun", "build")
def n_snakemake_dry(lines):
    """Round 103: the Job stats: table's header row, every job row and the total row, the `This was a dry-run` line; rule 1; any EXIT= line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.strip() == "Job stats:":
            k = i + 1
            while k < len(lines) and lines[k].strip():
                if not re.match(r"^-+(\s+-+)*$", lines[k].strip()):
                    out.append(lines[k])
                k += 1
        elif ln.startswith("This was a dry-run"):
            out.append(ln)
        elif EXC_RE.match(ln) or re.search(r"\w+Exception in ", ln):
            out.append(ln)
            if ln.rstrip().endswith(":"):  # the exception's message is the line under it
                out.append(next_match(lines, i, r"\S", 1))
    return out + exit_lines(lines)


@kind("snakemake-summary", "table")
def n_snakemake_summary(lines):
    """Round 103 (rule 4): the header row, and each row whose status or plan value occurs in at most 2 rows while the commonest covers half (when none is that common, every row whose status is not ok or plan not no update); any EXIT= line."""
    hdr = next((i for i, ln in enumerate(lines) if ln.startswith("output_file\t")), None)
    if hdr is None:
        return [ln for ln in lines if EXC_RE.match(ln)] + exit_lines(lines)
    cols = lines[hdr].split("\t")
    rows = [ln for ln in lines[hdr + 1:] if ln.count("\t") >= len(cols) - 2]
    out = [lines[hdr]]
    for col, normal in (("status", "ok"), ("plan", "no update")):
        if col not in cols:
            continue
        c = cols.index(col)
        vals = [(r.split("\t")[c] if len(r.split("\t")) > c else "", r) for r in rows]
        counts: dict = {}
        for v, _ in vals:
            counts[v] = counts.get(v, 0) + 1
        if counts and max(counts.values()) * 2 >= len(vals):
            out += [r for v, r in vals if counts[v] <= 2]
        else:
            out += [r for v, r in vals if v != normal]
    return out + exit_lines(lines)


@kind("luigi-run", "log")
def n_luigi(lines):
    """Round 103: every line of the Luigi Execution Summary block, every ERROR: line naming the failed task, each traceback's exception line and innermost File line, the `This progress looks` line; any EXIT= line."""
    out = []
    inside = False
    for ln in lines:
        if "===== Luigi Execution Summary =====" in ln:
            inside = not inside
            out.append(ln)
            continue
        if inside and ln.strip():
            out.append(ln)
        elif re.search(r"\bERROR\b", ln):
            out.append(ln)
    out += _tracebacks(lines)
    out += _warn([ln for ln in lines if "Summary" not in ln])
    return out + exit_lines(lines)


# ------------------------------------------------------------------ papermill

def _nb(cells: list[tuple[str, str]]) -> str:
    out = []
    for n, (typ, src) in enumerate(cells):
        c = {"cell_type": typ, "id": f"cell-{n}", "metadata": {}, "source": src}
        if typ == "code":
            c.update({"execution_count": None, "outputs": []})
        if src.startswith("# parameters"):
            c["metadata"]["tags"] = ["parameters"]
        out.append(c)
    return json.dumps({"cells": out, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                  "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


GAUGE_CELLS = [
    ("markdown", "# Gauge report\nDaily stage summary per river."),
    ("code", "# parameters\nriver = 'Elde'\nthreshold = 3.5\nseed = 7"),
    ("code", "import random, statistics\nrng = random.Random(seed)\n"
             "stations = {f'G{i:03d}': [round(rng.uniform(0.4, 4.2), 2) for _ in range(48)] for i in range(30)}\n"
             "print(len(stations), 'stations loaded for', river)"),
    ("code", "for name, vals in sorted(stations.items()):\n"
             "    print(f'{name}  mean={statistics.mean(vals):.2f}  max={max(vals):.2f}  over={sum(v > threshold for v in vals)}')"),
    ("code", "alarm_levels = {'Elde': 3.5, 'Stoer': 2.8}\nlevel = alarm_levels[river]\nprint('alarm level', level)"),
    ("code", "over = {k: v for k, v in stations.items() if max(v) > level}\nprint(len(over), 'stations over alarm')"),
]

RAIN_CELLS = [
    ("code", "# parameters\nmonth = 3\ncells = 0"),
    ("code", "import math\ntotals = [round(math.sin(d / 3) * 10 + 12, 1) for d in range(31)]\nprint(sum(totals))"),
    ("code", "mean_per_cell = sum(totals) / cells\nprint(mean_per_cell)"),
    ("code", "print('done')"),
]


def papermill(tmp: Path) -> None:
    d = tmp / "floodmap" / "notebooks"
    d.mkdir(parents=True, exist_ok=True)
    (d / "gauge_report.ipynb").write_text(_nb(GAUGE_CELLS))
    (d / "rain_totals.ipynb").write_text(_nb(RAIN_CELLS))
    (d / "out").mkdir()
    cap("papermill-gauge-warnow", "papermill gauge_report.ipynb out/gauge_warnow.ipynb -p river Warnow "
        "--log-output --no-progress-bar", d, n_papermill, timeout=300)
    cap("papermill-rain-tail", "papermill rain_totals.ipynb out/rain_03.ipynb -p month 3 2>&1 | tail -n 40; "
        "echo EXIT=$?", d, n_papermill, timeout=300)
    cap("papermill-gauge-loop", "for r in Elde Stoer Sude; do papermill gauge_report.ipynb out/gauge_$r.ipynb "
        "-p river $r -p threshold 3.2 --log-output --no-progress-bar || echo \"FAILED $r\"; done", d, n_papermill,
        timeout=600)


# ------------------------------------------------------------------ DVC

RIVERS = ["elde", "stoer", "warnow", "sude", "recknitz", "peene", "tollense", "uecker", "nebel", "trebel",
          "randow", "zarow", "barthe", "schaale", "delvenau", "wakenitz", "radegast", "maurine", "stepenitz", "loecknitz"]

DVC_FILES = {
    "params.yaml": "prepare:\n  min_stage: 0.2\n  window: 6\ntrain:\n  model: gbm\n  n_estimators: 120\n"
                   "  learning_rate: 0.05\nevaluate:\n  metric: nse\n",
    "src/prepare.py": '''import csv, sys, random
river, out = sys.argv[1], sys.argv[2]
rng = random.Random(river)
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["t", "stage", "rain"])
    for t in range(200):
        w.writerow([t, round(rng.uniform(0.2, 4.0), 3), round(rng.gammavariate(1.5, 2), 2)])
print(f"prepared {river}: 200 rows -> {out}")
''',
    "src/featurize.py": '''import csv, glob, sys
rows = 0
with open(sys.argv[1], "w") as out:
    for path in sorted(glob.glob("data/prepared/*.csv")):
        for r in csv.DictReader(open(path)):
            out.write(f"{path},{r['t']},{r['stage']},{r['rain']}\\n"); rows += 1
print("features:", rows)
''',
    "src/train.py": '''import sys, yaml
params = yaml.safe_load(open("params.yaml"))["train"]
print("training", params["model"], "with", params["n_estimators"], "trees")
depth = params["max_depth"]
open(sys.argv[1], "w").write(f"model depth={depth}\\n")
''',
    "src/evaluate.py": '''import json, sys
model = open(sys.argv[1]).read()
json.dump({"nse": 0.71, "rmse": 0.32}, open(sys.argv[2], "w"))
print("evaluated", model.strip())
''',
}


def _dvc_yaml() -> str:
    rivers = "\n".join(f"      - {r}" for r in RIVERS)
    return f'''stages:
  prepare:
    foreach:
{rivers}
    do:
      cmd: python src/prepare.py ${{item}} data/prepared/${{item}}.csv
      deps:
        - src/prepare.py
        - data/raw/gauges.csv
      params:
        - prepare.min_stage
      outs:
        - data/prepared/${{item}}.csv
  featurize:
    cmd: python src/featurize.py data/features.csv
    deps:
      - src/featurize.py
      - data/prepared
    outs:
      - data/features.csv
  train:
    cmd: python src/train.py models/model.txt
    deps:
      - src/train.py
      - data/features.csv
    params:
      - train
    outs:
      - models/model.txt
  evaluate:
    cmd: python src/evaluate.py models/model.txt metrics.json
    deps:
      - src/evaluate.py
      - models/model.txt
    metrics:
      - metrics.json:
          cache: false
'''


def dvc(tmp: Path) -> None:
    d = tmp / "floodmap" / "dvcrepo"
    write_tree(d, DVC_FILES)
    (d / "dvc.yaml").write_text(_dvc_yaml())
    (d / "data" / "raw").mkdir(parents=True, exist_ok=True)
    (d / "data" / "prepared").mkdir(parents=True, exist_ok=True)
    (d / "models").mkdir(parents=True, exist_ok=True)
    rng = random.Random(10306)
    (d / "data" / "raw" / "gauges.csv").write_text(
        "gauge,river,stage\n" + "".join(f"G{i:03d},{rng.choice(RIVERS)},{rng.uniform(0.2, 4):.2f}\n"
                                        for i in range(300)))
    env = {"DVC_NO_ANALYTICS": "1", "PYTHONPATH": None}
    run("git init -q && git config user.email survey@example.com && git config user.name Survey && "
        "dvc init -q && dvc add -q data/raw/gauges.csv && git add -A && git commit -qm init", cwd=d, env=env)
    cap("dvc-repro-train-fails", "dvc repro", d, n_dvc_repro, env=env, timeout=600)
    cap("dvc-dag-ascii", "dvc dag", d, n_dvc_dag, env=env)
    cap("dvc-dag-mermaid", "dvc dag --mermaid", d, n_dvc_dag, env=env)
    # the fix: a default depth; the evaluate stage now reads a model path that moved
    (d / "src" / "train.py").write_text(DVC_FILES["src/train.py"].replace('params["max_depth"]',
                                                                            'params.get("max_depth", 6)'))
    (d / "src" / "evaluate.py").write_text(DVC_FILES["src/evaluate.py"].replace("sys.argv[1]", "'models/gbm.txt'"))
    (d / "params.yaml").write_text(DVC_FILES["params.yaml"].replace("min_stage: 0.2", "min_stage: 0.3"))
    cap("dvc-status-params-changed", "dvc status; echo EXIT=$?", d, n_dvc_status, env=env)
    cap("dvc-repro-evaluate-tail", "dvc repro 2>&1 | tail -n 60; echo EXIT=$?", d, n_dvc_repro, env=env, timeout=600)


# ------------------------------------------------------------------ Snakemake

SNAKEFILE = '''SAMPLES = [f"S{i:02d}" for i in range(49)]

rule all:
    input: "results/report.txt"

rule fetch:
    output: "raw/{sample}.csv"
    shell: "python3 scripts/fetch.py {wildcards.sample} {output}"

rule clean:
    input: "raw/{sample}.csv"
    output: "clean/{sample}.csv"
    log: "logs/clean_{sample}.log"
    shell: "python3 scripts/clean.py {input} {output} 2> {log}"

rule report:
    input: expand("clean/{sample}.csv", sample=SAMPLES)
    output: "results/report.txt"
    shell: "cat {input} | wc -l > {output}"
'''

SNAKE_SCRIPTS = {
    "scripts/fetch.py": '''import sys, random
s, out = sys.argv[1], sys.argv[2]
rng = random.Random(s)
with open(out, "w") as f:
    f.write("t,stage\\n")
    for t in range(50):
        v = rng.uniform(0.2, 4.0)
        f.write(f"{t},{'NaN' if s == 'S17' and t == 33 else round(v, 3)}\\n")
''',
    "scripts/clean.py": '''import sys, math
src, out = sys.argv[1], sys.argv[2]
rows = []
for line in open(src).read().splitlines()[1:]:
    t, v = line.split(",")
    v = float(v)
    if math.isnan(v):
        raise ValueError(f"{src}: stage at t={t} is NaN")
    rows.append((t, v))
open(out, "w").write("".join(f"{t},{v}\\n" for t, v in rows))
''',
}


def snakemake(tmp: Path) -> None:
    d = tmp / "floodmap" / "workflow"
    write_tree(d, SNAKE_SCRIPTS)
    (d / "Snakefile").write_text(SNAKEFILE)
    cap("snakemake-dryrun-100", "snakemake -n --cores 2", d, n_snakemake_dry, timeout=300)
    cap("snakemake-run-keep-going", "snakemake --cores 2 --keep-going", d, n_snakemake_run, timeout=900)
    cap("snakemake-summary", "snakemake --summary --cores 1", d, n_snakemake_summary, timeout=300)
    cap("snakemake-rerun-tail", "snakemake --cores 2 2>&1 | tail -n 80; echo EXIT=$?", d, n_snakemake_run,
        timeout=600)


# ------------------------------------------------------------------ Luigi

LUIGI_PIPE = '''import json, random
import luigi

STATIONS = [f"G{i:03d}" for i in range(18)]


class FetchGauge(luigi.Task):
    station = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(f"out/raw_{self.station}.json")

    def run(self):
        rng = random.Random(self.station)
        with self.output().open("w") as f:
            json.dump([round(rng.uniform(0.2, 4.0), 2) for _ in range(96)], f)


class CleanGauge(luigi.Task):
    station = luigi.Parameter()

    def requires(self):
        return FetchGauge(self.station)

    def output(self):
        return luigi.LocalTarget(f"out/clean_{self.station}.json")

    def run(self):
        vals = json.load(self.input().open())
        if self.station == "G011":
            datum = {"G010": 31.2}[self.station]
        else:
            datum = 30.0
        with self.output().open("w") as f:
            json.dump([v + datum for v in vals], f)


class SurveyFile(luigi.ExternalTask):
    def output(self):
        return luigi.LocalTarget("survey/levees_2026.geojson")


class Report(luigi.Task):
    def requires(self):
        return [CleanGauge(s) for s in STATIONS]

    def output(self):
        return luigi.LocalTarget("out/report.txt")

    def run(self):
        with self.output().open("w") as f:
            f.write("ok\\n")


class LeveeReport(luigi.Task):
    def requires(self):
        return {"survey": SurveyFile(), "gauges": Report()}

    def output(self):
        return luigi.LocalTarget("out/levee_report.txt")

    def run(self):
        pass
'''


def luigi(tmp: Path) -> None:
    d = tmp / "floodmap" / "luigi"
    write_tree(d, {"pipeline.py": LUIGI_PIPE})
    env = {"PYTHONPATH": str(d)}
    cap("luigi-report-failed-task", "python -m luigi --module pipeline Report --local-scheduler --workers 2", d,
        n_luigi, env=env, timeout=600)
    cap("luigi-levee-missing-tail", "python -m luigi --module pipeline LeveeReport --local-scheduler 2>&1 | "
        "tail -n 60; echo EXIT=$?", d, n_luigi, env=env, timeout=600)


STEPS = [papermill, dvc, snakemake, luigi]
