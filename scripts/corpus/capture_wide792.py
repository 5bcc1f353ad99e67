#!/usr/bin/env python3
"""Capture round 792 of the compression corpus: notebook and data-science outputs the corpus lacks (nbconvert's
markdown export of an executed notebook, nbconvert's DEBUG log, nbformat validation errors, IPython Context-mode
tracebacks, IPython %whos, nbqa with black and isort diffs, jupyter troubleshoot), beside kinds it holds (papermill,
pytest --nbval, nbqa ruff/mypy, nbconvert --execute errors, pandas warnings / info / describe / value_counts,
sklearn ConvergenceWarning, numpy RuntimeWarning, IPython verbose tracebacks), on a salt-glaze pottery's firing
records and notebooks written here (`saltglaze`: stoneware pieces, saggars, kilns, glazes, throwers; seed 79210)
with real faults put in. Rules: NEEDLES.md's "Round 792", fixed before capture. Nothing captured here was compressed.

Usage:   /dev/shm/hm-corpus-wide792/venv/bin/python scripts/corpus/capture_wide792.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide792.json  as {"version": 2, "items": [...]}, ids prefixed "wide792-".
Tools:   a venv under /dev/shm/hm-corpus-wide792 (CPython 3.11.7) holding numpy 2.2.6, pandas 2.2.3, scikit-learn
         1.6.1, scipy 1.15.3, nbconvert 7.16.6, nbclient 0.10.2, ipykernel 6.29.5, ipython 8.37.0, papermill 2.6.0,
         nbval 0.11.0, nbqa 1.9.1, ruff 0.11.13, mypy 1.16.0, black 25.1.0, isort 6.0.1, pytest 8.4.0, jupyter_core
         5.8.1, nbformat 5.10.4. Kernels talk over ipc (round 401's sitecustomize), no TCP port.
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
import capture_wide401 as w401  # noqa: E402
from capture_wide401 import n_nbqa_mypy, n_nbqa_ruff, n_nbval  # noqa: E402
from capture_wide103_pipe import n_papermill  # noqa: E402
from capture_wide21_data import n_nbconvert, n_pandas_warnings  # noqa: E402
from capture_wide41_py import N_VALUE_COUNTS  # noqa: E402
from capture_wide77 import n_convergence  # noqa: E402
from capture_wide302_ds import n_np_warn  # noqa: E402
from capture_wide136_sci import n_ipy_tb  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide792-"
DEFAULT_OUT = HERE / "data" / "wide792.json"
TMP = Path("/dev/shm/hm-corpus-wide792-run")
TOOLS = Path("/dev/shm/hm-corpus-wide792")
VENV = TOOLS / "venv"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
SEED = 79210

# pandas-describe and pandas-info: round 10's extractors, copied verbatim from capture_wide10_data.py (that module
# imports the OpenCode harness through capture_wide6, which needs packages this venv lacks).

@cm.kind("pandas-describe", "table")
def n_pandas_describe(lines):
    """Rule 5 on DataFrame.describe(): the column header line and the count, min and max rows (what a question about ranges and missing values asks)."""
    return [ln for ln in lines if re.match(r"^\s+\w.*\s{2,}\w", ln) and not re.match(r"^\s+\d", ln)][:1] + \
        [ln for ln in lines if re.match(r"^(count|min|max|unique|top)\s", ln)]


@cm.kind("pandas-info", "table")
def n_pandas_info(lines):
    """Rule 5 on DataFrame.info(): the RangeIndex/entries line, the column-table header, every column whose Non-Null Count is below the entry count, the dtypes and memory lines."""
    n = next((int(m.group(1)) for ln in lines for m in [re.search(r"(\d+) entries", ln)] if m), None)
    out = [ln for ln in lines if "entries" in ln or re.match(r"^ #\s+Column", ln) or ln.startswith(("dtypes:", "memory usage:"))]
    for ln in lines:
        m = re.match(r"^\s*\d+\s+\S+\s+(\d+) non-null", ln)
        if m and n is not None and int(m.group(1)) < n:
            out.append(ln)
    return out


# ================================================================== extractors (NEEDLES.md, round 792)

EXC = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Warning|Interrupt|Exit)\b(?::.*)?$")
FILE_LINE = re.compile(r'^\s*File "')


def common(lines):
    """Each Python traceback's exception line and its innermost File line; EXIT=N lines."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback (most recent call last)"):
            last_file = None
            for j in range(i + 1, min(len(lines), i + 300)):
                s = lines[j]
                if FILE_LINE.match(s):
                    last_file = s
                elif s and not s[0].isspace():
                    if EXC.match(s) or re.match(r"^[\w.]+: ", s):
                        out.append(s)
                        if last_file:
                            out.append(last_file)
                    break
    return out + [ln for ln in lines if re.match(r"^EXIT=\d+", ln)]


WARN_LINE = re.compile(r"(\w*Warning): (.*)$")


def warn_any(lines):
    return cm.groups(((m.group(1), cm.mask(m.group(2))[:60]), ln) for ln in lines
                     for m in [WARN_LINE.search(ln)] if m)


@cm.kind("nbconvert-markdown", "doc")
def n_nb_markdown(lines):
    """headings; first line of every def/class; each error output's exception line and the Cell In line above it;
    warnings one any per (category, shape); [NbConvertApp] lines other than Converting notebook"""
    out = common(lines)
    fence = False
    for i, ln in enumerate(lines):
        if ln.startswith("```"):
            fence = not fence
            continue
        if not fence and re.match(r"^#{1,6} \S", ln):
            out.append(ln)
        if re.match(r"^\s*(?:async\s+)?(?:def|class)\s+\w", ln):
            out.append(ln)
        if ln.startswith("[NbConvertApp]") and "Converting notebook" not in ln:
            out.append(ln)
    # error outputs: a traceback block's last exception line, the Cell In line above it
    cells = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(Cell In ?\[\d+\], line \d+|File /\S+:\d+)", s):
            cells = ln
        elif re.match(r"^[A-Za-z_][\w.]*(?:Error|Exception)\b(?::.*)?$", s) and not s.startswith("File"):
            out.append(ln)
            if cells:
                out.append(cells)
            cells = None
    return out + warn_any(lines)


@cm.kind("nbconvert-debug-log", "log")
def n_nb_debug(lines):
    """ERROR/CRITICAL lines; lines naming an error output or exception; WARNING lines one any per shape; Converting
    notebook / Writing N bytes lines; the last Executing cell line"""
    out = common(lines)
    warn = []
    for ln in lines:
        if re.search(r"\] (ERROR|CRITICAL)\b|^\[\w+ [\d:. -]+ \w+ (ERROR|CRITICAL)\]", ln):
            out.append(ln)
        elif re.search(r"'ename'|\"ename\"|CellExecutionError|^[A-Za-z_][\w.]*Error: ", ln):
            out.append(ln)
        elif re.search(r"\bWARNING\b|\] WARN", ln):
            warn.append((cm.mask(re.sub(r"^\[[^\]]*\]", "", ln))[:80], ln))
        if "Converting notebook" in ln or re.search(r"Writing \d+ bytes to", ln):
            out.append(ln)
    execs = [ln for ln in lines if "Executing cell" in ln]
    return out + cm.groups(warn) + execs[-1:]


@cm.kind("nbformat-validation-error", "lint")
def n_nbformat(lines):
    """Failed validating / On instance lines, ValidationError / Notebook JSON is invalid / required property /
    Additional properties lines, the == file headers"""
    out = common(lines)
    for ln in lines:
        if ln.startswith("== ") or re.search(r"Failed validating|On instance\[|ValidationError|NotebookValidationError|"
                                             r"Notebook JSON is invalid|is a required property|"
                                             r"Additional properties are not allowed", ln):
            out.append(ln)
    return out


@cm.kind("ipython-context-traceback", "log")
def n_ipy_context(lines):
    """per traceback: its header line, closing exception line, innermost frame header and the ---> line under it;
    every frame header naming a project file"""
    out = common(lines)
    head = None
    frame = arrow = None
    for i, ln in enumerate(lines):
        if re.search(r"Traceback \(most recent call last\)", ln) and not ln.startswith("Traceback"):
            head, frame, arrow = ln, None, None
            out.append(ln)
            continue
        if head is None:
            continue
        if re.match(r"^(File /\S+:\d+|Cell In ?\[\d+\], line \d+|File <\S+>:\d+)", ln):
            frame, arrow = ln, None
            if "site-packages" not in ln and "/lib/python" not in ln:
                out.append(ln)
        elif ln.lstrip().startswith("--->") or re.match(r"^-+> ?\d+", ln.strip()):
            arrow = ln
        elif re.match(r"^[A-Za-z_][\w.]*(?:Error|Exception|Interrupt)\b(?::.*)?$", ln):
            out.append(ln)
            if frame:
                out.append(frame)
            if arrow:
                out.append(arrow)
            head = None
    return out


@cm.kind("ipython-whos", "table")
def n_whos(lines):
    """the Variable/Type/Data header; rule 4 on Type; every DataFrame, Series and ndarray row"""
    out = common(lines)
    hdr = next((i for i, ln in enumerate(lines) if re.match(r"^Variable\s+Type\s+Data/Info", ln)), None)
    if hdr is None:
        return out
    out.append(lines[hdr])
    rows = []
    for ln in lines[hdr + 2:]:
        parts = ln.split()
        if len(parts) < 2 or not ln.strip():
            break
        rows.append((ln, parts[1]))
    counts: dict = {}
    for _, t in rows:
        counts[t] = counts.get(t, 0) + 1
    if rows:
        top = max(counts.values())
        if top * 2 >= len(rows):
            out += [ln for ln, t in rows if counts[t] <= 2 and counts[t] < top]
    out += [ln for ln, t in rows if t in ("DataFrame", "Series", "ndarray")]
    return out


@cm.kind("nbqa-black-diff", "lint")
def n_nbqa_black(lines):
    """---/+++ headers, @@ hunk headers, would reformat lines, error lines, the Oh no / N files summary"""
    out = common(lines)
    for ln in lines:
        if ln.startswith(("--- ", "+++ ", "@@ ")) or "would reformat" in ln or ln.startswith("error:") \
                or "Oh no!" in ln or "All done!" in ln or re.search(r"\d+ files? would be", ln):
            out.append(ln)
    return out


@cm.kind("nbqa-isort-diff", "lint")
def n_nbqa_isort(lines):
    """ERROR ... Imports are incorrectly sorted lines, ---/+++ headers, @@ hunk headers, Skipped lines"""
    out = common(lines)
    for ln in lines:
        if ln.startswith(("ERROR:", "--- ", "+++ ", "@@ ", "Skipped")):
            out.append(ln)
    return out


TS_PKGS = {"jupyter_core", "jupyter-core", "jupyter_client", "jupyter-client", "nbconvert", "nbclient", "nbformat",
           "ipykernel", "ipython", "papermill"}


@cm.kind("jupyter-troubleshoot", "listing")
def n_troubleshoot(lines):
    """section headers and the first line under each; pip list rows of the jupyter packages; error lines"""
    out = common(lines)
    section = None
    for i, ln in enumerate(lines):
        if ln and not ln[0].isspace() and ln.rstrip().endswith(":"):
            out.append(ln)
            section = ln.strip()
            nxt = next((s for s in lines[i + 1:i + 3] if s.strip()), None)
            if nxt and nxt[0].isspace():
                out.append(nxt)
            continue
        if section and section.startswith("pip list") and ln[:1].isspace():
            parts = ln.split()
            if parts and parts[0].lower() in TS_PKGS:
                out.append(ln)
        if re.search(r"(?i)\berror\b|not found", ln):
            out.append(ln)
    return out


@cm.kind("pandas-warnings", "log")
def n_pandas_warnings792(lines):
    """Round 21's pandas-warnings rule, its 'file:line: XWarning: msg' lines read also where msg starts on the next line (SettingWithCopyWarning): one any per (category, file) of those"""
    pairs = [((m.group(2), m.group(1)), ln) for ln in lines for m in [re.match(r"^(\S+):\d+: (\w+Warning):$", ln)] if m]
    return n_pandas_warnings(lines) + cm.groups(pairs)


# ================================================================== material

KILNS = ["Kiln-A", "Kiln-B", "Kiln-C"]
GLAZES = ["salt", "salt-cobalt", "salt-iron", "ash-salt"]
THROWERS = ["Maud", "Ezra", "Tamsin", "Josiah", "Hester"]


def firings_csv(path: Path, n: int, seed: int, mixed_at: int | None = None) -> None:
    rng = random.Random(seed)
    rows = ["firing_id,kiln,saggar,glaze,thrower,cone,peak_c,pieces,lost,weight_kg"]
    for i in range(n):
        kiln = rng.choice(KILNS) if rng.random() > 0.1 else "Kiln-A"
        cone = str(rng.choice([9, 10, 10, 10, 11]))
        pieces = rng.randint(8, 60)
        lost = rng.randint(0, max(1, pieces // 6))
        w = round(rng.uniform(0.4, 6.5), 2)
        peak = rng.randint(1250, 1310)
        if i == n // 3:
            kiln = "Kiln-9"  # a kiln seen once
        if i == n // 2:
            w = -1.8  # a negative weight
        if i == (2 * n) // 3:
            pieces, lost = 0, 0  # a firing with no pieces
        if i == n - 4:
            peak = 13100  # a peak typed with an extra zero
        if mixed_at is not None and i >= mixed_at and i % 997 == 0:
            cone = "ten"  # a cone typed as text, late in a big file
        rows.append(f"F{i + 1:05d},{kiln},S{rng.randint(1, 40):02d},{rng.choice(GLAZES)},{rng.choice(THROWERS)},"
                    f"{cone},{peak},{pieces},{lost},{w}")
    if mixed_at is None:
        rows.insert(n // 4, f"F9{n:04d},Kiln-B,S07,salt,Maud,ten,1288,24,2,1.4")
    path.write_text("\n".join(rows) + "\n")


NB_CELLS = {
    "kiln_report": [
        ("md", "# Kiln report\n\nFiring records of the salt kilns, one row per firing."),
        ("code", "import pandas as pd\nimport numpy as np\nfirings = pd.read_csv('../data/firings.csv')\nfirings.head()"),
        ("md", "## Losses by kiln"),
        ("code", "def loss_rate(df):\n    return (df.lost / df.pieces).round(3)\n\nfirings['loss_rate'] = loss_rate(firings)\n"
                 "firings.groupby('kiln').loss_rate.mean()"),
        ("md", "## Glaze colours"),
        ("code", "firings.groupby('glaze_colour').pieces.sum()"),
        ("code", "firings.kiln.value_counts()"),
    ],
    "saggar_losses": [
        ("md", "# Saggar losses\n\nWhich saggars crack pots?"),
        ("code", "import pandas as pd\nimport numpy as np\nfirings = pd.read_csv('../data/firings.csv')"),
        ("md", "## Rates"),
        ("code", "class SaggarStats:\n    def __init__(self, df):\n        self.df = df\n\n    def rates(self):\n"
                 "        return np.divide(self.df.lost.to_numpy(), self.df.pieces.to_numpy())\n\n"
                 "stats = SaggarStats(firings)\nrates = stats.rates()\nprint(np.nanmax(rates), np.log(firings.weight_kg.to_numpy()).min())"),
        ("md", "## Per saggar"),
        ("code", "per = firings.groupby('saggar').lost.sum().to_numpy()\nweights = np.ones(12)\nper @ weights"),
    ],
    "thrower_model": [
        ("md", "# Thrower model\n\nDoes the thrower predict a loss?"),
        ("code", "import warnings\nimport pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n"
                 "firings = pd.read_csv('../data/firings.csv')"),
        ("md", "## Cleaning"),
        ("code", "big = firings[firings.pieces > 20]\nbig['share'] = big.lost / big.pieces\nbig.share.describe()"),
        ("md", "## Model"),
        ("code", "def features(df):\n    X = pd.get_dummies(df[['thrower', 'glaze']]).astype(float)\n    X['peak_c'] = df.peak_c\n    return X\n\n"
                 "X = features(firings)\ny = (firings.lost > 3).astype(int)\nmodel = LogisticRegression(max_iter=8).fit(X, y)\n"
                 "print(model.score(X, y))"),
        ("code", "model.predict(features(firings.head(3)).drop(columns=['peak_c']))"),
    ],
    "glaze_summary": [
        ("md", "# Glaze summary"),
        ("code", "import pandas as pd\nfirings = pd.read_csv('../data/firings_small.csv')"),
        ("md", "## Pieces per glaze\n\nCounts of stoneware pieces by glaze."),
        ("code", "def per_glaze(df):\n    return df.groupby('glaze').pieces.sum()\n\nper_glaze(firings)"),
        ("md", "## Throwers"),
        ("code", "firings.thrower.value_counts()"),
    ],
}


def make_nb(name: str):
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind_, src in NB_CELLS[name]:
        nb.cells.append(nbformat.v4.new_markdown_cell(src) if kind_ == "md" else nbformat.v4.new_code_cell(src))
    if name == "kiln_report":
        nb.cells.insert(1, nbformat.v4.new_code_cell("kiln = 'Kiln-A'\nseed = 79210", metadata={"tags": ["parameters"]}))
    return nb


LINT_NB = [
    "import sys\nimport pandas as pd\nimport os, json\nfrom collections import Counter\nimport numpy as np",
    "def kiln_load(df,kiln):\n  sub=df[df.kiln==kiln]\n  return {'pieces':sub.pieces.sum(),'lost':sub.lost.sum()}",
    "from pathlib import Path\nimport re\nrecords=[ kiln_load(pd.read_csv('f.csv'),k) for k in ['Kiln-A','Kiln-B'] ]",
    "class Saggar :\n    def __init__(self,code:str,cracked:int=0)->None:\n        self.code=code;self.cracked=cracked\n"
    "    def rate(self, pieces: int) -> str:\n        return self.cracked/pieces",
    "x: int = 'cone ten'\nprint(Counter(r['pieces'] for r in records).most_common( 3 ))",
]


def write_nb(path: Path, nb) -> None:
    import nbformat
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def execute_nb(path: Path, out: Path) -> None:
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    write_nb(out, nb)


BAD_NBS = {  # notebooks whose JSON breaks the nbformat 4 schema
    "missing_outputs": lambda nb: nb["cells"][1].pop("outputs"),
    "extra_field": lambda nb: nb["cells"][0].update({"kiln": "Kiln-A", "glaze": "salt"}),
    "bad_cell_type": lambda nb: nb["cells"][2].update({"cell_type": "saggar"}),
    "bad_count": lambda nb: [c.update({"execution_count": "seven"}) for c in nb["cells"] if c["cell_type"] == "code"],
    "no_metadata": lambda nb: [c.pop("metadata") for c in nb["cells"]],
}

VALIDATE = '''import sys, pathlib, nbformat, json
from nbformat import ValidationError
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.ipynb")):
    print("==", p)
    nb = nbformat.reads(p.read_text(), as_version=nbformat.NO_CONVERT)
    try:
        nbformat.validate(nb)
        print("valid")
    except ValidationError as e:
        print(e)
'''

CONTEXT_PY = '''import sys
import numpy as np
import pandas as pd


def load(path):
    return pd.read_csv(path)


def kiln_summary(df, kiln):
    sub = df[df.kiln == kiln]
    per_glaze = sub.groupby("glaze").pieces.sum()
    return per_glaze[FAULT_KEY]


def cone_mean(df):
    return df.cone.astype(int).mean()


def weights(df):
    w = df.weight_kg.to_numpy()
    return w.reshape(-1, 7)


mode = sys.argv[1]
df = load("data/" + sys.argv[2])
if mode == "glaze":
    print(kiln_summary(df, "Kiln-A"))
elif mode == "cone":
    print(cone_mean(df))
else:
    print(weights(df).sum(axis=1))
'''

WHOS_PY = '''import numpy as np
import pandas as pd
firings = pd.read_csv("data/firings.csv")
small = pd.read_csv("data/firings_small.csv")
kilns = sorted(firings.kiln.unique())
losses = firings.groupby("kiln").lost.sum()
rates = (firings.lost / firings.pieces.replace(0, np.nan)).to_numpy()
peaks = firings.peak_c.to_numpy()
glazes = {g: int(n) for g, n in firings.glaze.value_counts().items()}
n_firings = len(firings)
worst = firings.sort_values("lost").tail(1).firing_id.item()
cone_text = firings.cone.astype(str).str.isdigit().mean()
throwers = tuple(firings.thrower.unique())
'''

CLEAN_PY = '''import sys
import warnings
import numpy as np
import pandas as pd

warnings.simplefilter("always")
firings = pd.read_csv(sys.argv[1])
hot = firings[firings.peak_c > 1290]
hot["over"] = hot.peak_c - 1290
firings.loc[firings.kiln == "Kiln-9"]["kiln"] = "Kiln-B"
by = firings.groupby("kiln")
share = by.apply(lambda g: g.lost.sum() / g.pieces.sum())
firings["fired"] = pd.to_datetime("2026-0" + (firings.index % 9 + 1).astype(str) + "-01")
firings.fillna(method="ffill", inplace=True)
print("cleaned:", len(firings), "firings,", len(hot), "hot")
'''

TABLES_PY = '''import sys
import pandas as pd
pd.set_option("display.width", 120)
df = pd.read_csv(sys.argv[2])
if sys.argv[1] == "info":
    df.info()
elif sys.argv[1] == "describe":
    print(df.describe(include="all"))
else:
    print(df[sys.argv[3]].value_counts())
'''

SKLEARN_PY = '''import sys
import warnings
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.metrics import precision_score, f1_score

warnings.simplefilter("always")
df = pd.read_csv(sys.argv[1])
X = pd.get_dummies(df[["thrower", "glaze", "kiln"]]).astype(float)
X["peak_c"] = df.peak_c
y = (df.lost > 3).astype(int)
for it in (5, 20, int(sys.argv[2])):
    m = LogisticRegression(max_iter=it).fit(X, y)
    print(f"logreg max_iter={it} score={m.score(X, y):.3f}")
mlp = MLPClassifier(hidden_layer_sizes=(8,), max_iter=15, random_state=0).fit(X, y)
pred = np.zeros_like(y)
print("precision (all zero):", precision_score(y, pred))
print("f1 per glaze:", f1_score(df.glaze, df.glaze.where(df.lost > 100, "salt"), average=None))
'''

NUMPY_PY = '''import sys
import numpy as np
import pandas as pd
df = pd.read_csv(sys.argv[1])
lost = df.lost.to_numpy(float)
pieces = df.pieces.to_numpy(float)
w = df.weight_kg.to_numpy()
print("loss rate max", np.max(lost / pieces))
print("log weight min", np.log(w).min())
print("sqrt weight", np.sqrt(w).round(2)[:8])
print("zero/zero", (lost * 0 / (pieces * 0)).mean())
print("mean of empty", np.mean(w[w > 99]))
print("overflow", np.exp(df.peak_c.to_numpy(float)).max())
print("var ddof", np.var(w[:1], ddof=1))
'''


def step_material(tmp: Path) -> None:
    root = tmp / "saltglaze"
    (root / "data").mkdir(parents=True)
    firings_csv(root / "data" / "firings.csv", 400, SEED)
    firings_csv(root / "data" / "firings_small.csv", 40, SEED + 1)
    firings_csv(root / "data" / "firings_big.csv", 220_000, SEED + 2, mixed_at=150_000)
    for name in NB_CELLS:
        write_nb(root / "notebooks" / f"{name}.ipynb", make_nb(name))
    os.chdir(root)
    for name in NB_CELLS:
        try:
            execute_nb(root / "notebooks" / f"{name}.ipynb", root / "executed" / f"{name}.ipynb")
        except Exception as e:
            cm.note(f"execute {name}: {type(e).__name__}: {e}")
    # nbval copies: the last run's outputs, then the data edited since (a new firing appended and a kiln renamed)
    import nbformat
    for name in NB_CELLS:
        p = root / "executed" / f"{name}.ipynb"
        if p.exists():
            write_nb(root / "nbval" / f"{name}.ipynb", nbformat.read(str(p), as_version=4))
    # lint notebooks
    for i in range(6):
        nb = nbformat.v4.new_notebook()
        for src in LINT_NB[: 2 + i % 4]:
            nb.cells.append(nbformat.v4.new_code_cell(src.replace("Kiln-A", f"Kiln-{'ABC'[i % 3]}")))
        write_nb(root / "lint" / f"throwing{i + 1:02d}.ipynb", nb)
    # schema-breaking notebooks
    base = json.loads((root / "executed" / "glaze_summary.ipynb").read_text())
    for name, fn in BAD_NBS.items():
        nb = json.loads(json.dumps(base))
        fn(nb)
        (root / "bad").mkdir(exist_ok=True)
        (root / "bad" / f"{name}.ipynb").write_text(json.dumps(nb, indent=1))
    cm.write_tree(root, {"validate.py": VALIDATE, "clean.py": CLEAN_PY, "tables.py": TABLES_PY, "fit.py": SKLEARN_PY,
                         "ratios.py": NUMPY_PY, "prep.py": WHOS_PY,
                         "kilnstats.py": CONTEXT_PY.replace("FAULT_KEY", '"salt-glaze"'),
                         "kilnstats_ok.py": CONTEXT_PY.replace("FAULT_KEY", '"salt"'),
                         "whos_all.ipy": "%run -i prep.py\n%whos\n",
                         "whos_frames.ipy": "%run -i prep.py\nimport numpy as np\nextra = [np.arange(n) for n in range(3)]\n"
                                            "%whos DataFrame ndarray Series list\n",
                         "whos_small.ipy": "import pandas as pd\nsmall = pd.read_csv('data/firings_small.csv')\n"
                                           "k = small.kiln.nunique()\nname = 'saltglaze'\nkilns = list(small.kiln)\n"
                                           "loads = small.groupby('kiln').pieces.sum()\nw = small.weight_kg.to_numpy()\n"
                                           "%whos\n"})
    # the data edited after the last run (nbval sees different outputs)
    with open(root / "data" / "firings.csv", "a") as f:
        f.write("F09999,Kiln-C,S41,salt-iron,Ezra,11,1301,30,9,2.2\n")


def step_new(tmp: Path) -> None:
    root = tmp / "saltglaze"
    for name in ("kiln_report", "saggar_losses", "thrower_model", "glaze_summary"):
        cap(f"md-{name.replace('_', '-')}", f"jupyter nbconvert --to markdown --stdout executed/{name}.ipynb", root,
            n_nb_markdown, timeout=120)
    cap("debug-kiln-notebook", "jupyter nbconvert --to notebook --execute --log-level=DEBUG notebooks/kiln_report.ipynb"
        " --output /dev/shm/hm-corpus-wide792-run/out_kiln.ipynb", root, n_nb_debug, timeout=180)
    cap("debug-saggar-html", "jupyter nbconvert --to html --execute --allow-errors --log-level=DEBUG "
        "notebooks/saggar_losses.ipynb --output-dir /dev/shm/hm-corpus-wide792-run/html 2>&1 | tail -n 300",
        root, n_nb_debug, timeout=180)
    cap("debug-glaze-notebook", "jupyter nbconvert --to notebook --execute --log-level=DEBUG notebooks/glaze_summary.ipynb"
        " --output-dir /dev/shm/hm-corpus-wide792-run/nbout", root, n_nb_debug, timeout=180)
    cap("nbformat-one", "jupyter nbconvert --to notebook --stdout bad/missing_outputs.ipynb > /dev/null", root,
        n_nbformat, timeout=120)
    cap("nbformat-loop", 'for nb in bad/*.ipynb; do echo "== $nb"; jupyter nbconvert --to script --stdout "$nb" '
        '>/dev/null; done', root, n_nbformat, timeout=300)
    cap("nbformat-validate", "python validate.py bad", root, n_nbformat, timeout=120)
    cap("ctx-glaze", "ipython --colors=NoColor --InteractiveShell.xmode=Context kilnstats.py glaze firings.csv; "
        "echo EXIT=$?", root, n_ipy_context, timeout=120)
    cap("ctx-cone", "ipython --colors=NoColor --InteractiveShell.xmode=Context kilnstats_ok.py cone firings.csv",
        root, n_ipy_context, timeout=120)
    cap("ctx-weights-c", "ipython --colors=NoColor --InteractiveShell.xmode=Context -c "
        "\"%run kilnstats_ok.py weights firings_small.csv\"", root, n_ipy_context, timeout=120)
    cap("ctx-chained", "ipython --colors=NoColor --InteractiveShell.xmode=Context -c \"import pandas as pd; "
        "df = pd.read_csv('data/firings.csv'); df.set_index('kiln').loc['Kiln-D']\"", root, n_ipy_context,
        timeout=120)
    cap("whos-all", "ipython --colors=NoColor whos_all.ipy", root, n_whos, timeout=120)
    cap("whos-frames", "ipython --colors=NoColor whos_frames.ipy", root, n_whos, timeout=120)
    cap("whos-small", "ipython --colors=NoColor whos_small.ipy", root, n_whos, timeout=120)
    cap("black-one", "nbqa black --check --diff lint/throwing04.ipynb", root, n_nbqa_black, timeout=120)
    cap("black-lint", "nbqa black --check --diff lint", root, n_nbqa_black, timeout=120)
    cap("black-notebooks", "nbqa black --check --diff notebooks executed; echo EXIT=$?", root, n_nbqa_black,
        timeout=120)
    cap("isort-one", "nbqa isort --check-only --diff lint/throwing04.ipynb", root, n_nbqa_isort, timeout=120)
    cap("isort-lint", "nbqa isort --check-only --diff lint", root, n_nbqa_isort, timeout=120)
    cap("isort-all", "nbqa isort --check-only --diff lint notebooks --profile black; echo EXIT=$?", root, n_nbqa_isort,
        timeout=120)
    cap("troubleshoot", "jupyter troubleshoot", root, n_troubleshoot, timeout=120)
    cap("troubleshoot-path", "JUPYTER_PATH=/opt/saltglaze/share/jupyter jupyter troubleshoot 2>&1 | head -n 80", root,
        n_troubleshoot, timeout=120)


def step_existing(tmp: Path) -> None:
    root = tmp / "saltglaze"
    cap("papermill-kiln", "papermill notebooks/kiln_report.ipynb /dev/shm/hm-corpus-wide792-run/pm_kiln.ipynb "
        "-p kiln Kiln-B --log-output", root, n_papermill, timeout=200)
    cap("papermill-thrower", "papermill notebooks/thrower_model.ipynb /dev/shm/hm-corpus-wide792-run/pm_thr.ipynb; "
        "echo EXIT=$?", root, n_papermill, timeout=200)
    cap("nbval-kiln", "cd nbval && pytest --nbval kiln_report.ipynb -p no:cacheprovider", root, n_nbval, timeout=300)
    cap("nbval-all", "cd nbval && pytest --nbval-lax . -p no:cacheprovider", root, n_nbval, timeout=400)
    cap("nbqa-ruff", "nbqa ruff lint notebooks --output-format=concise", root, n_nbqa_ruff, timeout=120)
    cap("nbqa-mypy", "nbqa mypy lint --ignore-missing-imports", root, n_nbqa_mypy, timeout=300)
    cap("execute-error-kiln", "cd notebooks && jupyter nbconvert --to notebook --execute kiln_report.ipynb "
        "--output /dev/shm/hm-corpus-wide792-run/x_kiln.ipynb", root, n_nbconvert, timeout=180)
    cap("execute-error-saggar", "cd notebooks && jupyter nbconvert --to notebook --execute saggar_losses.ipynb "
        "--output /dev/shm/hm-corpus-wide792-run/x_sag.ipynb", root, n_nbconvert, timeout=180)
    cap("pandas-warnings", "python clean.py data/firings.csv", root, n_pandas_warnings792, timeout=120)
    cap("pandas-warnings-big", "python -W always clean.py data/firings_big.csv 2>&1 | head -n 120", root,
        n_pandas_warnings792, timeout=180)
    cap("info-firings", "python tables.py info data/firings.csv", root, n_pandas_info, timeout=120)
    cap("info-big", "python tables.py info data/firings_big.csv", root, n_pandas_info, timeout=180)
    cap("describe-firings", "python tables.py describe data/firings.csv", root, n_pandas_describe, timeout=120)
    cap("describe-small", "python tables.py describe data/firings_small.csv", root, n_pandas_describe, timeout=120)
    cap("vc-cone-big", "python tables.py vc data/firings_big.csv cone", root, N_VALUE_COUNTS, timeout=120)
    cap("vc-saggar", "python tables.py vc data/firings.csv saggar", root, N_VALUE_COUNTS, timeout=120)
    cap("sklearn-fit", "python fit.py data/firings.csv 40", root, n_convergence, timeout=200)
    cap("sklearn-fit-small", "python fit.py data/firings_small.csv 10; echo EXIT=$?", root, n_convergence,
        timeout=200)
    cap("numpy-ratios", "python ratios.py data/firings.csv", root, n_np_warn, timeout=120)
    cap("numpy-ratios-big", "python -W always ratios.py data/firings_big.csv", root, n_np_warn, timeout=120)
    cap("verbose-glaze", "ipython --colors=NoColor --InteractiveShell.xmode=Verbose kilnstats.py glaze firings.csv",
        root, n_ipy_tb, timeout=120)


STEPS = [step_material, step_new, step_existing]


def ensure_tools() -> None:
    if not (VENV / "bin" / "nbqa").exists():
        raise SystemExit("install the venv first (see Tools in the docstring)")
    site = next((VENV / "lib").glob("python3*/site-packages"))
    (site / "sitecustomize.py").write_text(w401.SITECUSTOMIZE)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update(w401.IPC_ENV)
    os.environ.update(w401.IPC_ENV)
    import sitecustomize  # noqa: F401  (once: a reload would wrap write_connection_file around itself)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide792", sys.modules["__main__"])
    main()
