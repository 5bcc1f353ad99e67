#!/usr/bin/env python3
"""Capture round 401 of the compression corpus: notebooks and the Python numeric stack as an agent meets them,
kinds new to the corpus (nbqa with ruff and mypy over notebooks, pytest --nbval / --nbmake, pytest checks of the
notebooks' frames with pandas.testing / numpy.testing / testbook, nbclient's `jupyter execute`, nbdime's nbdiff and
nbshow, jupytext conversions, papermill --help-notebook, statsmodels formula failures (patsy), threadpoolctl -i,
nb-clean / nbstripout checks), on an apiary's notebooks (`broodbook`) written here with real faults put in. The
needle rules are NEEDLES.md's "Round 401", fixed before capture and applied by the extractors below. Nothing
captured here was compressed.

Usage:   /dev/shm/hm-corpus-wide401-tools/venv/bin/python scripts/corpus/capture_wide401.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide401.json  as {"version": 2, "items": [...]}, ids prefixed "wide401-".
Tools:   a venv of this round (ensure_tools) holding nbqa ruff mypy nbval nbmake pytest nbconvert nbclient ipykernel
         nbdime jupytext papermill nbformat numpy pandas scikit-learn statsmodels nbstripout nb-clean testbook; the
         script runs under that venv's python (it writes notebooks with nbformat and executes them with nbclient).
         Kernels talk over ipc (unix sockets in the run's scratch dir), not TCP: no port is opened.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide401-"
DEFAULT_OUT = HERE / "data" / "wide401.json"
TMP = Path(os.environ.get("HM_WIDE401_TMP", "/dev/shm/hm-corpus-wide401-run"))
TOOLS = Path(os.environ.get("HM_WIDE401_TOOLS", "/dev/shm/hm-corpus-wide401-tools"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
PY_PACKAGES = ["nbqa", "ruff", "mypy", "nbval", "nbmake", "pytest", "nbconvert", "nbclient", "ipykernel", "nbdime",
               "jupytext", "papermill", "nbformat", "numpy", "pandas", "scikit-learn", "statsmodels", "nbstripout",
               "nb-clean", "testbook"]
# the kernels' transport: ipc (see the sitecustomize written by ensure_tools)
IPC_ENV = {"HM_KERNEL_IPC": "1", "MPLBACKEND": "Agg", "JUPYTER_PLATFORM_DIRS": "1"}

_SIZED = cm.Sized(400, 120_000)

# ------------------------------------------------------------------ shared pieces of the rules

ERR = re.compile(r"(?i)error|fail|failed|failure|fatal|exception|traceback|invalid|cannot|not found")
WARN = re.compile(r"(?i)\bwarn")
TB_HEAD = re.compile(r"^(\s*(?:E\s+)?)(?:([A-Za-z_][\w.]*)\s+)?Traceback \(most recent call last\)")
EXC = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Warning|Interrupt|Exit|Iteration)\b(?::.*)?$"
                 r"|^[A-Za-z_][\w.]*: \S.*$")
LOC = re.compile(r"^(?:File \"|File /|File \S+:\d+|Cell In ?\[|Input In \[)")


def shape(s: str) -> str:
    s = re.sub(r"\"[^\"]*\"|'[^']*'|`[^`]*`", "Q", s)
    return " ".join(re.sub(r"\d+", "N", s).split())


def errs(lines):
    return [ln for ln in lines if ERR.search(ln)]


def warn_groups(lines, key=lambda ln: ""):
    """Warnings one any per message shape (and `key`); lines that are errors are not warnings."""
    return cm.groups((shape(ln) + "\0" + key(ln), ln) for ln in lines if WARN.search(ln) and not ERR.search(ln))


def last_nonblank(lines):
    nb = [ln for ln in lines if ln.strip()]
    return nb[-1:] if nb else []


def tracebacks(lines, with_loc: bool = True):
    """Every Python/IPython traceback's exception line (and the IPython header line naming it) and its innermost
    location: the last `File …` / `Cell In[N], line M` line before the exception line."""
    out = []
    for i, ln in enumerate(lines):
        m = TB_HEAD.match(ln)
        if not m:
            continue
        indent = m.group(1)
        if m.group(2):
            out.append(ln)
        loc = None
        for j in range(i + 1, min(len(lines), i + 400)):
            s = lines[j]
            if TB_HEAD.match(s):
                break
            if not s.startswith(indent):
                continue
            rest = s[len(indent):]
            if LOC.match(rest.strip()):
                loc = s
                continue
            if rest and not rest[0].isspace() and EXC.match(rest) and not rest.startswith(("File ", "Cell In")):
                out.append(s)
                if with_loc and loc:
                    out.append(loc)
                break
    return out


SECTION = re.compile(r"^_{3,} .+ _{3,}$")
FINAL = re.compile(r"^=+ .* in [\d.]+s.*=+$")


def pytest_rule(lines):
    """The pytest rule: FAILED/ERROR summary lines, section headers, each section's first `E   ` line (else its
    first error line), the final `=== … in N.NNs ===` line."""
    out = [ln for ln in lines if ln.startswith(("FAILED ", "ERROR "))]
    sections = []
    for i, ln in enumerate(lines):
        if SECTION.match(ln):
            sections.append(i)
    for k, i in enumerate(sections):
        out.append(lines[i])
        end = sections[k + 1] if k + 1 < len(sections) else len(lines)
        for j in range(i + 1, end):
            if re.match(r"^=+ ", lines[j]):
                end = j
                break
        body = lines[i + 1:end]
        first_e = next((s for s in body if re.match(r"^E\s{2,}\S", s)), None)
        if first_e is None:
            first_e = next((s for s in body if ERR.search(s)), None)
        if first_e:
            out.append(first_e)
    finals = [ln for ln in lines if FINAL.match(ln)]
    out += finals[-1:]
    return out


def section_bodies(lines):
    """(header index, body lines) of every pytest failure/error section."""
    idx = [i for i, ln in enumerate(lines) if SECTION.match(ln)]
    res = []
    for k, i in enumerate(idx):
        end = idx[k + 1] if k + 1 < len(idx) else len(lines)
        for j in range(i + 1, end):
            if re.match(r"^=+ ", lines[j]):
                end = j
                break
        res.append((i, lines[i + 1:end]))
    return res


# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 401")

CONCISE = re.compile(r"^(\S+\.ipynb):cell_\d+:\d+:\d+: ([A-Z]+\d+)\b")
FULL_CODE = re.compile(r"^([A-Z]+\d+)\b")
FULL_LOC = re.compile(r"^\s*--> (\S+\.ipynb):(?:cell_\d+:)?\d+:\d+")  # nbqa leaves full-format locations unmapped
GUTTER = re.compile(r"^\s*\d*\s*\|")


@cm.kind("nbqa-ruff", "lint")
def n_nbqa_ruff(lines):
    """findings one any per (code, notebook) of their location lines; Found/fixable lines; other error lines"""
    pairs, finding = [], set()
    for i, ln in enumerate(lines):
        m = CONCISE.match(ln)
        if m:
            pairs.append(((m.group(2), m.group(1)), ln))
            finding.add(i)
            continue
        m = FULL_CODE.match(ln)
        if m:
            for j in range(i + 1, min(len(lines), i + 4)):
                mm = FULL_LOC.match(lines[j])
                if mm:
                    pairs.append(((m.group(1), mm.group(1)), lines[j]))
                    finding.update((i, j))
                    break
    out = cm.groups(pairs)
    out += [ln for ln in lines if re.match(r"^Found \d+ error", ln) or re.match(r"^\[\*\] \d+ fixable", ln)]
    out += [ln for i, ln in enumerate(lines) if ERR.search(ln) and i not in finding and not GUTTER.match(ln)
            and not FULL_LOC.match(ln)]
    return out


@cm.kind("nbqa-mypy", "lint")
def n_nbqa_mypy(lines):
    """every `: error:` line; note lines one any per (shape, notebook); the Found/Success line"""
    out = [ln for ln in lines if ": error: " in ln]
    out += cm.groups((shape(ln.split(": note: ", 1)[1]) + "\0" + ln.split(":", 1)[0], ln)
                     for ln in lines if ": note: " in ln)
    out += [ln for ln in lines if re.match(r"^(Found \d+ errors? in|Success:)", ln)]
    return out


@cm.kind("pytest-nbval", "test")
def n_nbval(lines):
    """the pytest rule; each section's first differs/failed/error line; every traceback's exception line"""
    out = pytest_rule(lines)
    pat = re.compile(r"(?i)execution failed|output mismatch|outputs differ|" + ERR.pattern[4:])
    for _, body in section_bodies(lines):
        first = next((s for s in body if pat.search(s)), None)
        if first:
            out.append(first)
    out += tracebacks(lines, with_loc=False)
    return out


@cm.kind("pytest-nbmake", "test")
def n_nbmake(lines):
    """the pytest rule; each traceback's exception and innermost location in the failure sections"""
    out = pytest_rule(lines)
    for _, body in section_bodies(lines):
        out += tracebacks(body)
    return out


@cm.kind("pytest-nb-assert", "test")
def n_nb_assert(lines):
    """the pytest rule; every [left]/[right] line and Mismatched elements / Max absolute|relative difference line"""
    out = pytest_rule(lines)
    for _, body in section_bodies(lines):
        out += [s for s in body if re.search(r"\[(left|right)\]:|Mismatched elements:|Max absolute difference|"
                                             r"Max relative difference", s)]
    return out


@cm.kind("jupyter-execute", "log")
def n_jupyter_execute(lines):
    """error lines; tracebacks' exception and location; every Executing line; warnings one any per shape"""
    out = errs(lines) + tracebacks(lines) + [ln for ln in lines if "Executing" in ln]
    return out + warn_groups(lines)


@cm.kind("nbdiff", "git")
def n_nbdiff(lines):
    """the ---/+++ header lines, every `## ` line and the first +/- line under it, every error line"""
    out = []
    hd = next((ln for ln in lines if ln.startswith("--- ")), None)
    hp = next((ln for ln in lines if ln.startswith("+++ ")), None)
    out += [x for x in (hd, hp) if x]
    for i, ln in enumerate(lines):
        if ln.startswith("## "):
            out.append(ln)
            for j in range(i + 1, len(lines)):
                s = lines[j].lstrip()
                if lines[j].startswith("## "):
                    break
                if s[:1] in "+-" and s and not s.startswith(("+++", "---")):
                    out.append(lines[j])
                    break
    return out + errs(lines)


@cm.kind("nbshow", "doc")
def n_nbshow(lines):
    """markdown headings and def/class lines by cell type; ename/evalue lines; tracebacks' exception lines"""
    out, cell = [], None
    in_source = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(markdown|code|raw) cell", s):
            cell = s.split()[0]
            in_source = False
            continue
        if s.startswith("source:"):
            in_source = True
            continue
        if s.startswith(("outputs:", "execution_count:", "metadata", "attachments:")):
            in_source = False
        if cell == "markdown" and in_source and s.startswith("#"):
            out.append(ln)
        if cell == "code" and in_source and re.match(r"^(async def|def|class) \w", s):
            out.append(ln)
        if s.startswith(("ename:", "evalue:")):
            out.append(ln)
    # nbshow prints a traceback's entries as `item[N]: …`: read them without that prefix
    return out + tracebacks([re.sub(r"^(\s*)item\[\d+\]: ?", r"\1", ln) for ln in lines], with_loc=False)


@cm.kind("jupytext-to-py", "code")
def n_jupytext(lines):
    """headings (`# #…` in py:percent, `#…` in md outside fences), def/class lines, format_name/jupytext_version,
    error lines, warnings one any per shape"""
    out, fence = [], False
    md = any(ln.strip().startswith("```") for ln in lines)
    for ln in lines:
        s = ln.strip()
        if s.startswith("```"):
            fence = not fence
            continue
        if md and not fence and re.match(r"^#+ \S", ln):
            out.append(ln)
        if not md and re.match(r"^# #+ \S", ln):
            out.append(ln)
        if re.match(r"^(async def|def|class) \w", s):
            out.append(ln)
        if re.search(r"\b(format_name|jupytext_version):", ln):
            out.append(ln)
    return out + errs(lines) + warn_groups(lines)


PM_WARN = re.compile(r"(?i)no cell tagged|can't|could not|unable")


@cm.kind("papermill-help-notebook", "doc")
def n_papermill_help(lines):
    """the Parameters inferred line and every line of its block; error lines; warnings (No cell tagged …)"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Parameters inferred for notebook"):
            out.append(ln)
            for j in range(i + 1, len(lines)):
                if not lines[j].strip() or not lines[j][0].isspace():
                    break
                out.append(lines[j])
    out += errs(lines)
    out += cm.groups((shape(ln), ln) for ln in lines if (WARN.search(ln) or PM_WARN.search(ln)) and not ERR.search(ln))
    return out


@cm.kind("patsy-formula-error", "log")
def n_patsy(lines):
    """tracebacks' exception and location; the formula line above each caret line; error lines; `-> R2=` result
    lines; warnings one any per shape"""
    out = tracebacks(lines)
    for i, ln in enumerate(lines):
        # patsy's caret under the formula it prints below a PatsyError message (not 3.11's traceback carets)
        if i and re.match(r"^\s*\^+\s*$", ln) and lines[i - 1].strip() and \
                any("PatsyError" in lines[k] for k in range(max(0, i - 4), i - 1)):
            out.append(lines[i - 1])
    out += errs(lines) + [ln for ln in lines if " -> R2=" in ln]
    return out + warn_groups(lines)


@cm.kind("threadpoolctl-info", "json")
def n_threadpoolctl(lines):
    """every internal_api/prefix/version/num_threads/threading_layer line; error lines"""
    out = [ln for ln in lines if re.search(r'"(internal_api|prefix|version|num_threads|threading_layer)":', ln)]
    return out + errs(lines)


@cm.kind("nb-clean-check", "lint")
def n_nbclean(lines):
    """every line naming a notebook; error lines; the last non-blank line"""
    return [ln for ln in lines if ".ipynb" in ln] + errs(lines) + last_nonblank(lines)


# ------------------------------------------------------------------ material: broodbook's notebooks

APIARIES = ["north-meadow", "south-orchard", "heather-ridge", "clover-bank", "lime-avenue", "willow-brook",
            "bramble-end", "chalk-down", "rape-field", "borage-row", "sainfoin-hill", "ivy-lane"]

FAULTS = {
    "keyerror": 'print("mean queen age:", hives["queen_age"].mean())',
    "shape": ('frames = hives[["brood_frames", "honey_frames"]].to_numpy()\n'
              'weights = np.array([0.25, 0.5, 2.1])\nframe_score = frames @ weights\nframe_score[:5]'),
    "zerodiv": ('empty_supers = int((hives["supers"] > 9).sum())\n'
                'honey_per_super = int(hives["honey_frames"].sum()) // empty_supers\nhoney_per_super'),
    "divwarn": ('ratio = hives["honey_frames"].to_numpy() / hives["brood_frames"].to_numpy()\n'
                'print("honey/brood ratio, max:", np.nanmax(ratio), "mean:", np.mean(ratio))'),
    "assert_nan": ('missing = int(hives["weight_kg"].isna().sum())\n'
                   'assert missing == 0, f"{missing} hives have no weight recorded"'),
    "nameerror": 'print("supers on the yard:", total_supers)\ntotal_supers = int(hives["supers"].sum())',
    "chained": ('hives["weight_kg"][hives["weight_kg"].isna()] = 0.0\n'
                'print("weights filled:", int(hives["weight_kg"].isna().sum()), "still missing")'),
    "futurewarn": ('yard_mean = hives.groupby("queen")[["weight_kg", "mites_per_100"]].mean()\n'
                   'print(yard_mean.fillna(method="ffill"))'),
}

LINT_CELLS = [
    ('def heaviest(df, n=None):\n    if n == None:\n        n = 3\n    try:\n        return df.nlargest(n, "weight_kg")\n'
     '    except:\n        return undefined_frame\n'),
    'l = [h for h in hives.hive]\nprint(f"hives listed")\n',
    ('def frames_needed(hive: str, supers: int) -> int:\n    return supers * 10 + hive\n\n'
     'total_weight: float = "unknown"\nframes_needed(3, "two")\n'),
    ('def queen_marked(colour: str) -> bool:\n    if colour is "blue":\n        return True\n    return None\n'),
    'import math\nfrom typing import List\ninspected: List[int] = [h for h in hives.hive]\n',
    ('def swarm_risk(cells: int, supers) -> str:\n    risk = cells * 0.3\n    if risk > 2:\n        return risk\n'
     '    lambda_ = lambda x: x\n    return "low"\n'),
]


def make_nb(name: str, seed: int, n_hives: int, faults: list[str], n_yards: int = 0, lint: bool = False,
            params: str = "tagged"):
    import nbformat
    v4 = nbformat.v4
    rnd = random.Random(seed)
    apiary = APIARIES[seed % len(APIARIES)]
    cells = [v4.new_markdown_cell(f"# Broodbook: {apiary} apiary, season 2026\n\n"
                                  f"Inspection notes for {n_hives} hives: frames, queens and supers.")]
    ptxt = (f'apiary = "{apiary}"\nseason = 2026\nmin_brood_frames = 5\nseed = {seed}\nn_hives = {n_hives}\n')
    if params == "typed":
        ptxt = (f'apiary: str = "{apiary}"  # the yard\nseason: int = 2026\nmin_brood_frames: int = 5  # below this '
                f'the colony is weak\nseed: int = {seed}\nn_hives: int = {n_hives}\nqueen_colours: list = ["white", '
                f'"yellow", "red", "green", "blue"]\n')
    pcell = v4.new_code_cell(ptxt)
    if params in ("tagged", "typed"):
        pcell.metadata["tags"] = ["parameters"]
    cells.append(pcell)
    imports = "import numpy as np\nimport pandas as pd\n"
    if lint:
        imports += "import os\nimport json\nfrom collections import defaultdict\n"
    cells.append(v4.new_code_cell(imports))
    cells.append(v4.new_markdown_cell("## Hives and frames\n\nOne row per hive, from the inspection sheets."))
    cells.append(v4.new_code_cell(
        "rng = np.random.default_rng(seed)\n"
        "hives = pd.DataFrame({\n"
        '    "hive": [f"H{i:03d}" for i in range(n_hives)],\n'
        '    "queen": rng.choice(["Carniolan", "Buckfast", "Italian", "Black"], n_hives, p=[.5, .3, .15, .05]),\n'
        '    "queen_year": rng.integers(2021, 2027, n_hives),\n'
        '    "brood_frames": rng.integers(0, 10, n_hives),\n'
        '    "honey_frames": rng.integers(0, 10, n_hives),\n'
        '    "supers": rng.integers(0, 4, n_hives),\n'
        '    "weight_kg": rng.normal(38, 6, n_hives).round(1),\n'
        '    "mites_per_100": rng.gamma(2.0, 1.1, n_hives).round(2),\n'
        "})\n"
        'hives.loc[rng.choice(n_hives, max(1, n_hives // 12), replace=False), "weight_kg"] = np.nan\n'
        "hives.head()"))
    cells.append(v4.new_code_cell("hives.describe()"))
    cells.append(v4.new_code_cell('hives["queen"].value_counts()'))
    cells.append(v4.new_markdown_cell("## Queens\n\nAge from the year mark; marking colours cycle every five years."))
    cells.append(v4.new_code_cell(
        "def queen_age(year, season=season):\n    return season - year\n\n\n"
        "class Inspection:\n    def __init__(self, hive, frames):\n        self.hive = hive\n        self.frames = frames\n\n"
        "    def strength(self):\n        return self.frames / 10\n"))
    cells.append(v4.new_code_cell(
        "for row in hives.itertuples():\n"
        '    print(f"{row.hive}: queen {row.queen} ({queen_age(row.queen_year)}y) brood {row.brood_frames} "\n'
        '          f"honey {row.honey_frames} supers {row.supers} weight {row.weight_kg} kg mites {row.mites_per_100}")'))
    fl = list(faults)
    rnd.shuffle(fl)
    lint_i = 0
    for k in range(max(n_yards, len(fl))):
        if k < n_yards:
            cells.append(v4.new_markdown_cell(f"## Supers, yard {k + 1}\n\nHoney flow check for yard {k + 1}."))
            cells.append(v4.new_code_cell(
                f"def yard_{k + 1}_yield(df):\n    sub = df.iloc[{k} * 7 % len(df)::{k % 3 + 2}]\n"
                f'    return sub["honey_frames"].sum() * 2.2 + sub["supers"].sum() * {rnd.randint(9, 14)}\n\n'
                f'print("yard {k + 1}:", round(yard_{k + 1}_yield(hives), 1), "kg estimated")\n'
                f'hives.iloc[{k} * 3 % len(hives):{k} * 3 % len(hives) + {rnd.randint(3, 9)}]'
                f'[["hive", "queen", "supers", "weight_kg"]]'))
            if lint:
                cells.append(v4.new_code_cell(LINT_CELLS[lint_i % len(LINT_CELLS)].replace("def ", f"def y{k}_")))
                lint_i += 1
        if k < len(fl):
            cells.append(v4.new_code_cell(FAULTS[fl[k]]))
    if lint and not n_yards:
        for c in LINT_CELLS[: 2 + seed % 4]:
            cells.append(v4.new_code_cell(c))
    cells.append(v4.new_markdown_cell("## Summary"))
    cells.append(v4.new_code_cell('print(f"{apiary}: {len(hives)} hives, {int(hives.supers.sum())} supers on")'))
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def write_nb(path: Path, nb) -> None:
    import nbformat
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def execute_nb(path: Path) -> None:
    """Run a notebook in place with nbclient (errors allowed), as a user's last run left it."""
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, str(path))


NOTEBOOKS = [  # name, seed, hives, faults, yards
    ("hives_north", 40110, 12, ["keyerror"], 0),
    ("hives_south", 40111, 30, ["shape", "divwarn"], 1),
    ("queens", 40112, 60, ["assert_nan", "chained"], 2),
    ("supers", 40113, 20, ["zerodiv", "nameerror", "futurewarn"], 1),
    ("yards_big", 40114, 150, ["keyerror", "shape", "divwarn", "chained"], 8),
    ("clean", 40115, 8, [], 0),
]


def cap_material(tmp: Path) -> None:
    root = tmp / "broodbook"
    nbdir = root / "notebooks"
    for name, seed, n, faults, yards in NOTEBOOKS:
        write_nb(nbdir / f"{name}.ipynb", make_nb(name, seed, n, faults, yards))
    os.chdir(root)  # the kernels' ipc sockets go here
    for name, *_ in NOTEBOOKS:
        try:
            execute_nb(nbdir / f"{name}.ipynb")
        except Exception as e:
            cm.note(f"execute {name}: {type(e).__name__}: {e}")
    # nbval's copies: the stored outputs of the last run, then sources edited since (seeds, hive counts)
    import nbformat
    for name, seed, n, faults, yards in NOTEBOOKS:
        nb = nbformat.read(str(nbdir / f"{name}.ipynb"), as_version=4)
        for c in nb.cells:
            if c.cell_type == "code" and "parameters" in c.metadata.get("tags", []):
                c.source = c.source.replace(f"seed = {seed}", f"seed = {seed + 7}")
            if c.cell_type == "code" and "weight_kg\": rng.normal(38, 6" in c.source:
                c.source = c.source.replace("rng.normal(38, 6, n_hives).round(1)", "rng.normal(38, 6, n_hives).round(2)")
        if name == "clean":  # a clean notebook whose only change is a renamed column in the summary
            nb.cells[-1].source = nb.cells[-1].source.replace("supers on", "supers on the hives")
        write_nb(root / "nbval" / f"{name}.ipynb", nb)
    # lint notebooks (not executed): 4 in lint/, 18 in lint_big/
    for i in range(4):
        write_nb(root / "lint" / f"yard{i + 1:02d}.ipynb",
                 make_nb(f"yard{i + 1}", 40116 + i, 10, [], n_yards=i % 3, lint=True))
    for i in range(18):
        write_nb(root / "lint_big" / f"season{i + 1:02d}.ipynb",
                 make_nb(f"season{i + 1}", 40120 + i, 10, [], n_yards=1 + i % 5, lint=True))
    # papermill's notebooks: tagged, typed, untagged
    for nm, seed, params in (("tagged", 40121, "tagged"), ("typed", 40122, "typed"), ("untagged", 40123, "none")):
        write_nb(root / "pm" / f"{nm}.ipynb", make_nb(nm, seed, 6, [], 0, params=params))
    cm.write_tree(root, {
        "tests/test_frames.py": TEST_FRAMES,
        "tests/test_testbook.py": TEST_TESTBOOK,
        "models.py": MODELS,
    })


TEST_FRAMES = '''
import numpy as np
import pandas as pd
import pandas.testing as pdt
import numpy.testing as npt
import pytest

SEED = 40124


def hives(n=24, seed=SEED):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({
        "hive": [f"H{i:03d}" for i in range(n)],
        "brood_frames": rng.integers(0, 10, n),
        "honey_frames": rng.integers(0, 10, n),
        "supers": rng.integers(0, 4, n),
        "weight_kg": rng.normal(38, 6, n).round(1),
    }).set_index("hive")
    df.iloc[::7, df.columns.get_loc("weight_kg")] = np.nan
    return df


def test_weights_roundtrip(tmp_path):
    df = hives()
    df.to_csv(tmp_path / "h.csv")
    back = pd.read_csv(tmp_path / "h.csv", index_col="hive")
    pdt.assert_frame_equal(df, back)


def test_supers_dtype():
    df = hives()
    expected = df.copy()
    expected["supers"] = expected["supers"].astype("float64")
    pdt.assert_frame_equal(df, expected)


def test_weights_filled():
    df = hives()
    filled = df["weight_kg"].fillna(df["weight_kg"].mean())
    pdt.assert_series_equal(df["weight_kg"], filled)


def test_index_order():
    df = hives()
    pdt.assert_frame_equal(df, df.sort_values("weight_kg"))


def test_frame_totals():
    df = hives()
    totals = df[["brood_frames", "honey_frames"]].sum(axis=1).to_numpy()
    npt.assert_allclose(totals, df["brood_frames"].to_numpy() * 2, rtol=1e-3)


def test_weight_mean():
    df = hives()
    npt.assert_allclose(df["weight_kg"].mean(), 38.0, rtol=1e-3)


def test_frames_shape():
    df = hives()
    npt.assert_array_equal(df[["brood_frames"]].to_numpy(), df[["brood_frames", "honey_frames"]].to_numpy())


@pytest.mark.parametrize("seed", range(SEED, SEED + N_PARAM))
def test_seed_stable(seed):
    a = hives(seed=seed)
    b = hives(seed=seed + 1)
    pdt.assert_frame_equal(a.head(6), b.head(6), check_exact=False, rtol=0.2)


def test_clean_roundtrip():
    df = hives().dropna()
    pdt.assert_frame_equal(df, df.copy())
'''

TEST_TESTBOOK = '''
from testbook import testbook

NB = "notebooks/NAME.ipynb"


@testbook(NB, execute=True, timeout=120)
def test_queen_age(tb):
    queen_age = tb.ref("queen_age")
    assert queen_age(2024) == 2


@testbook(NB, execute=True, timeout=120)
def test_all_weighed(tb):
    assert tb.value('int(hives["weight_kg"].isna().sum())') == 0


@testbook(NB, execute=True, timeout=120)
def test_hive_count(tb):
    assert tb.value("len(hives)") == N_HIVES


@testbook(NB, execute=["parameters-missing"], timeout=60)
def test_tagged_cell(tb):
    assert tb.value("apiary")
'''

MODELS = '''
import sys
import warnings
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import traceback

yards = int(sys.argv[sys.argv.index("--yards") + 1]) if "--yards" in sys.argv else 1
rng = np.random.default_rng(40125)
n = 40 * yards
hives = pd.DataFrame({
    "yard": rng.choice([f"Y{i}" for i in range(yards)], n) if yards > 1 else "Y0",
    "queen": rng.choice(["Carniolan", "Buckfast", "Italian"], n),
    "brood_frames": rng.integers(0, 10, n),
    "supers": rng.integers(0, 4, n),
    "mites_per_100": rng.gamma(2.0, 1.1, n).round(2),
})
hives["weight_kg"] = 20 + 2.1 * hives["brood_frames"] + 4 * hives["supers"] + rng.normal(0, 3, n)
hives.loc[::9, "weight_kg"] = np.nan
hives["honey_kg"] = np.where(hives["supers"] > 0, hives["supers"] * 9.5, 0.0)

FORMULAS = [
    "weight_kg ~ brood_frames + supers",
    "weight_kg ~ queen_age + supers",
    "weight_kg ~ C(queen) + brood_frames",
    "weight_kg ~ brood_frames + + supers",
    "honey_kg ~ np.log(supers)",
    "weight_kg ~ C(queen, Treatment('Italain'))",
    "weight_kg ~ brood_frames * supers",
    "np.log(honey_kg) ~ supers",
    "weight_kg ~ brood_frames + (supers",
    "mites_per_100 ~ C(queen) + brood_frames:supers",
]
if yards > 1:
    FORMULAS += [f"weight_kg ~ brood_frames + C(yard, Treatment('Y{k}'))" for k in (0, yards, yards + 3)]
    FORMULAS += [f"weight_kg ~ supers + I(brood_frames / (supers - {k}))" for k in range(0, 4)]
    FORMULAS += [f"honey_kg ~ yard_{k}_flow" for k in range(1, yards)]

for f in FORMULAS:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            res = smf.ols(f, data=hives).fit()
        print(f"fit {f} -> R2={res.rsquared:.3f} n={int(res.nobs)} params=" +
              ", ".join(f"{k}={v:.2f}" for k, v in res.params.items()))
    except Exception:
        print(f"failed {f}")
        traceback.print_exc()
'''


# ------------------------------------------------------------------ the captures

def cap_lint(tmp: Path) -> None:
    root = tmp / "broodbook"
    c = _SIZED.cap
    c("nbqa-ruff-one", "nbqa ruff lint/yard01.ipynb --output-format=concise", root, n_nbqa_ruff, timeout=120)
    c("nbqa-ruff-lint", "nbqa ruff lint", root, n_nbqa_ruff, timeout=120)
    c("nbqa-ruff-big", "nbqa ruff lint_big --output-format=concise", root, n_nbqa_ruff, timeout=180)
    c("nbqa-ruff-select", "nbqa ruff notebooks --select F,E,W,B,PD,NPY", root, n_nbqa_ruff, timeout=120)
    c("nbqa-ruff-big-full", "nbqa ruff lint_big/season0*.ipynb", root, n_nbqa_ruff, timeout=180)
    c("nbqa-mypy-one", "nbqa mypy lint/yard01.ipynb", root, n_nbqa_mypy, timeout=300)
    c("nbqa-mypy-lint", "nbqa mypy lint --ignore-missing-imports", root, n_nbqa_mypy, timeout=300)
    c("nbqa-mypy-big", "nbqa mypy lint_big", root, n_nbqa_mypy, timeout=400)
    c("nbqa-mypy-strict", "nbqa mypy notebooks --strict", root, n_nbqa_mypy, timeout=400)


def cap_pytest(tmp: Path) -> None:
    root = tmp / "broodbook"
    c = _SIZED.cap
    c("nbval-north", "pytest --nbval nbval/hives_north.ipynb -p no:cacheprovider", root, n_nbval, timeout=300)
    c("nbval-three", "pytest --nbval nbval/hives_south.ipynb nbval/supers.ipynb nbval/clean.ipynb -p no:cacheprovider",
      root, n_nbval, timeout=600)
    c("nbval-lax", "pytest --nbval-lax nbval -p no:cacheprovider", root, n_nbval, timeout=600)
    c("nbval-two-x", "pytest --nbval -x nbval/supers.ipynb nbval/clean.ipynb -p no:cacheprovider", root, n_nbval,
      timeout=300)
    c("nbmake-two", "pytest --nbmake notebooks/hives_north.ipynb notebooks/clean.ipynb -p no:cacheprovider", root,
      n_nbmake, timeout=300)
    c("nbmake-all", "pytest --nbmake notebooks -p no:cacheprovider", root, n_nbmake, timeout=600)
    c("nbmake-big-v", "pytest --nbmake -v notebooks/yards_big.ipynb notebooks/queens.ipynb -p no:cacheprovider",
      root, n_nbmake, timeout=300)
    tf = root / "tests" / "test_frames.py"
    body = tf.read_text()
    for tag, npar in (("frames", 3), ("frames-many", 40)):
        tf.write_text(body.replace("N_PARAM", str(npar)))
        c(f"assert-{tag}", "pytest tests/test_frames.py -p no:cacheprovider", root, n_nb_assert, timeout=300)
    tf.write_text(body.replace("N_PARAM", "3"))
    tb = root / "tests" / "test_testbook.py"
    tbody = tb.read_text()
    tb.write_text(tbody.replace("NAME", "queens").replace("N_HIVES", "64"))
    c("assert-testbook", "pytest tests/test_testbook.py -p no:cacheprovider", root, n_nb_assert, timeout=400)


def cap_execute(tmp: Path) -> None:
    root = tmp / "broodbook"
    c = _SIZED.cap
    c("execute-north", "jupyter execute notebooks/hives_north.ipynb", root, n_jupyter_execute, timeout=200)
    c("execute-supers-clean", "jupyter execute notebooks/clean.ipynb notebooks/supers.ipynb", root,
      n_jupyter_execute, timeout=300)
    c("execute-queens", "jupyter execute notebooks/queens.ipynb", root, n_jupyter_execute, timeout=200)
    c("execute-south-big", "jupyter execute notebooks/hives_south.ipynb notebooks/yards_big.ipynb", root,
      n_jupyter_execute, timeout=300)


def cap_nbdime(tmp: Path) -> None:
    root = tmp / "broodbook"
    c = _SIZED.cap
    c("nbdiff-north", "nbdiff notebooks/hives_north.ipynb nbval/hives_north.ipynb", root, n_nbdiff, timeout=120)
    c("nbdiff-big-sources", "nbdiff -s notebooks/yards_big.ipynb nbval/yards_big.ipynb", root, n_nbdiff, timeout=120)
    c("nbdiff-south-supers", "nbdiff notebooks/hives_south.ipynb notebooks/supers.ipynb", root, n_nbdiff, timeout=120)
    c("nbdiff-outputs", "nbdiff -O notebooks/queens.ipynb notebooks/yards_big.ipynb", root, n_nbdiff, timeout=120)
    c("nbdiff-clean-lint", "nbdiff notebooks/clean.ipynb lint/yard03.ipynb", root, n_nbdiff, timeout=120)
    c("nbshow-north", "nbshow notebooks/hives_north.ipynb", root, n_nbshow, timeout=120)
    c("nbshow-supers", "nbshow notebooks/supers.ipynb", root, n_nbshow, timeout=120)
    c("nbshow-big", "nbshow notebooks/yards_big.ipynb", root, n_nbshow, timeout=120)


def cap_convert(tmp: Path) -> None:
    root = tmp / "broodbook"
    c = _SIZED.cap
    c("jupytext-north-py", "jupytext --to py:percent -o - notebooks/hives_north.ipynb", root, n_jupytext, timeout=120)
    c("jupytext-big-md", "jupytext --to md -o - notebooks/yards_big.ipynb", root, n_jupytext, timeout=120)
    c("jupytext-lint-py", "jupytext --to py:percent -o - lint_big/season05.ipynb", root, n_jupytext, timeout=120)
    c("papermill-help-all", 'for nb in notebooks/*.ipynb; do echo "== $nb"; papermill --help-notebook "$nb"; done',
      root, n_papermill_help, timeout=300)
    c("papermill-help-pm", 'for nb in pm/*.ipynb; do echo "== $nb"; papermill --help-notebook "$nb"; done',
      root, n_papermill_help, timeout=200)
    c("nbclean-notebooks", "nb-clean check notebooks", root, n_nbclean, timeout=120)
    c("nbclean-all", "nb-clean check notebooks nbval lint pm", root, n_nbclean, timeout=120)
    c("nbstripout-dry", "nbstripout --dry-run notebooks/*.ipynb nbval/*.ipynb pm/*.ipynb; echo exit=$?", root,
      n_nbclean, timeout=120)


def cap_numeric(tmp: Path) -> None:
    root = tmp / "broodbook"
    c = _SIZED.cap
    c("patsy-models", "python models.py", root, n_patsy, timeout=200)
    c("patsy-models-yards", "python models.py --yards 6", root, n_patsy, timeout=200)
    c("threadpoolctl-three", "python -m threadpoolctl -i numpy scipy sklearn", root, n_threadpoolctl, timeout=120)
    c("threadpoolctl-limited", "python -m threadpoolctl -i numpy scipy.linalg sklearn.ensemble statsmodels.api",
      root, n_threadpoolctl, timeout=120, env={"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "2"},
      typed="OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=2 python -m threadpoolctl -i numpy scipy.linalg sklearn.ensemble "
            "statsmodels.api")
    c("threadpoolctl-missing", "python -m threadpoolctl -i numpy broodbook sklearn", root, n_threadpoolctl,
      timeout=120)


# kernels over ipc: unix sockets at an absolute path (the kernel's cwd is the notebook's folder), no TCP port
SITECUSTOMIZE = """import os
if os.environ.get("HM_KERNEL_IPC"):
    try:
        import jupyter_client.connect as _c
        _c.ConnectionFileMixin.transport.default_value = "ipc"
        _orig = _c.ConnectionFileMixin.write_connection_file

        def _write(self, *a, **k):
            if self.transport == "ipc" and not os.path.isabs(self.ip):
                self.ip = os.path.abspath(self.ip)
            return _orig(self, *a, **k)
        _c.ConnectionFileMixin.write_connection_file = _write
    except Exception:
        pass
"""

STEPS = [cap_material, cap_lint, cap_pytest, cap_execute, cap_nbdime, cap_convert, cap_numeric]


def ensure_tools() -> None:
    if not (VENV / "bin" / "nbqa").exists():
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PACKAGES), env=cm.PIP_ENV,
               timeout=1200)
    site = next((VENV / "lib").glob("python3*/site-packages"))
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update(IPC_ENV)
    os.environ.update(IPC_ENV)
    import importlib
    import sitecustomize
    importlib.reload(sitecustomize)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide401", sys.modules["__main__"])
    main()
