#!/usr/bin/env python3
"""Capture round 414 of the compression corpus: no new rules. Round 401's notebook and numeric-stack kinds a second
time (nbqa with ruff and mypy, pytest --nbval / --nbmake, pandas/numpy assertion failures in pytest and testbook,
nbclient's `jupyter execute`, nbdime's nbdiff and nbshow, jupytext, papermill --help-notebook, statsmodels formula
failures (patsy), threadpoolctl -i, nb-clean / nbstripout checks), on a fish hatchery's notebooks (`hatchbook`: tanks,
fry, raceways; seeds 41410 and up) written here with other faults than round 401's. Every extractor is round 401's,
imported from `capture_wide401` by function (NEEDLES.md's "Round 414"). Nothing captured here was compressed.

Usage:   nice /dev/shm/hm-corpus-wide414-tools/venv/bin/python scripts/corpus/capture_wide414.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide414.json  as {"version": 2, "items": [...]}, ids prefixed "wide414-".
Tools:   a venv of this round (ensure_tools) holding round 401's packages at round 401's versions; the script runs
         under that venv's python. Kernels talk over ipc (round 401's sitecustomize): no port is opened.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide401 as w401  # noqa: E402
from capture_wide401 import (n_jupyter_execute, n_jupytext, n_nb_assert, n_nbclean, n_nbdiff,  # noqa: E402
                             n_nbmake, n_nbqa_mypy, n_nbqa_ruff, n_nbshow, n_nbval, n_papermill_help, n_patsy,
                             n_threadpoolctl)

ID_PREFIX = "wide414-"
DEFAULT_OUT = HERE / "data" / "wide414.json"
TMP = Path(os.environ.get("HM_WIDE414_TMP", "/dev/shm/hm-corpus-wide414-run"))
TOOLS = Path(os.environ.get("HM_WIDE414_TOOLS", "/dev/shm/hm-corpus-wide414-tools"))
VENV = TOOLS / "venv"
PY_PACKAGES = ["nbqa==1.9.1", "ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0", "nbval==0.11.0", "nbmake==1.5.5",
               "testbook==0.4.2", "nbclient==0.11.0", "nbconvert==7.17.2", "nbformat==5.11.1", "ipykernel==7.4.0",
               "ipython==9.18.1", "jupyter_client==8.10.0", "nbdime==4.0.4", "jupytext==1.19.6", "papermill==2.7.0",
               "nb-clean==5.0.0", "nbstripout==0.9.1", "numpy==2.4.6", "pandas==3.1.1", "scipy==1.17.1",
               "statsmodels==0.15.0", "patsy==1.0.3", "scikit-learn==1.9.1", "threadpoolctl==3.8.0"]

_SIZED = cm.Sized(400, 120_000)
write_nb, execute_nb = w401.write_nb, w401.execute_nb

# ------------------------------------------------------------------ material: hatchbook's notebooks

SITES = ["kelder-brook", "stonewash", "alder-ford", "millrace", "greyling-pool", "coldspring", "otter-weir",
         "brackenbeck", "fernhollow", "larch-gill"]

FAULTS = {
    "iloc": 'last = tanks.iloc[len(tanks) + 2]\nprint("last tank:", last.tank)',
    "typeerror": 'label = "tank " + int(tanks["tank"].iloc[0]) + " at " + site\nprint(label)',
    "valueerror": ('readings = ["7.9", "8.1", "n/a", "6.4", "7.2"]\n'
                   'oxygen = np.array(readings, dtype=float)\nprint("oxygen mean:", oxygen.mean())'),
    "attrerror": 'print("fry on hand:", tanks.fry_cont.sum())',
    "broadcast": ('days = np.linspace(1.0, 1.4, 14)\n'
                  'feed_plan = tanks["feed_g"].to_numpy() * days\nfeed_plan.sum()'),
    "modnotfound": 'from hatch_helpers import oxygen_saturation\noxygen_saturation(tanks["temp_c"])',
    "merge": ('feed_log = pd.DataFrame({"tank": [str(t) for t in tanks["tank"][:5]], "pellet": ["1.0mm"] * 5})\n'
              'merged = tanks.merge(feed_log, on="tank")\nmerged.head()'),
    "assert_mort": ('mortality = tanks["deaths"].sum() / tanks["fry_count"].sum()\n'
                    'assert mortality < max_mortality, f"mortality {mortality:.1%} over the {max_mortality:.0%} limit"'),
    "invalid": ('print("temp anomaly:", np.sqrt(tanks["temp_c"].to_numpy() - 10.5).round(2)[:8])\n'
                'print("log excess deaths:", np.log(tanks["deaths"].to_numpy() - 150.0).round(2)[:8])'),
    "slow": 'import time\ntime.sleep(8)\nprint("feeders cycled")',
}

LINT_CELLS = [
    'def add_tank(tank, stocked=[]):\n    stocked.append(tank)\n    return stocked\n',
    'def is_full(tank) -> bool:\n    if tank.full == True:\n        return True\n    return False\n',
    'def stock(n):\n    return n * 2\n\n\ndef stock(n, m):\n    return n * m\n',
    'from numpy import *\nprint(sqrt(4))\n',
    'def feed_total(rows):\n    unused_total = 0\n    for r in rows:\n        grams = r * 1.5\n    return len(rows)\n',
    ('from typing import Optional\n\n\ndef fry_left(n: int) -> Optional[int]:\n    return n - 3 if n > 3 else None\n\n\n'
     'count: int = fry_left(10)\n'),
    'def oxygen_ok(level: float, limit: float) -> bool:\n    return level > limit\n\n\noxygen_ok(7.5)\n',
    ('class Tank:\n    def __init__(self, number: int) -> None:\n        self.number = number\n\n\n'
     't = Tank(4)\nprint(t.volume_l)\n'),
    'names: list[str] = ["R1", "R2"]\nnames.append(3)\ntotal: int = sum(names)\n',
]


def make_nb(name: str, seed: int, n_tanks: int, faults: list[str], n_raceways: int = 0, lint: bool = False,
            params: str = "tagged"):
    import nbformat
    v4 = nbformat.v4
    rnd = random.Random(seed)
    site = SITES[seed % len(SITES)]
    cells = [v4.new_markdown_cell(f"# Hatchbook: {site} hatchery, spawning season 2026\n\n"
                                  f"Daily tank sheets for {n_tanks} tanks: fry counts, lengths, oxygen and feed.")]
    ptxt = f'site = "{site}"\nseason = 2026\nseed = {seed}\nn_tanks = {n_tanks}\nmax_mortality = 0.02\n'
    if params == "expr":
        ptxt = (f'from datetime import date\nsite = "{site}"\nstart = date.today()\nseed = {seed}\n'
                f'n_tanks = {n_tanks} * 2 // 2\nraceways = list(range(1, 5))\nmax_mortality = 2 / 100\n')
    pcell = v4.new_code_cell(ptxt)
    if params in ("tagged", "expr", "two"):
        pcell.metadata["tags"] = ["parameters"]
    cells.append(pcell)
    if params == "two":
        second = v4.new_code_cell('site = "override"  # a second tagged cell\nn_tanks: int = 3\n')
        second.metadata["tags"] = ["parameters"]
        cells.append(second)
    imports = "import numpy as np\nimport pandas as pd\n"
    if lint:
        imports += "import sys\nimport re\nfrom pathlib import Path\n"
    cells.append(v4.new_code_cell(imports))
    cells.append(v4.new_markdown_cell("## Tanks and fry\n\nOne row per tank, from the morning round."))
    cells.append(v4.new_code_cell(
        "rng = np.random.default_rng(seed)\n"
        "tanks = pd.DataFrame({\n"
        '    "tank": np.arange(1, n_tanks + 1),\n'
        '    "raceway": rng.choice(["R1", "R2", "R3", "R4"], n_tanks),\n'
        '    "species": rng.choice(["rainbow", "brown", "char", "grayling"], n_tanks, p=[.5, .3, .15, .05]),\n'
        '    "fry_count": rng.integers(2000, 8000, n_tanks),\n'
        '    "mean_length_mm": rng.normal(31, 4, n_tanks).round(1),\n'
        '    "temp_c": rng.normal(11, 0.8, n_tanks).round(2),\n'
        '    "oxygen_mg_l": rng.normal(8.2, 0.6, n_tanks).round(2),\n'
        '    "feed_g": rng.gamma(3.0, 40.0, n_tanks).round(1),\n'
        '    "deaths": rng.integers(0, 400, n_tanks),\n'
        "})\n"
        "tanks.head()"))
    cells.append(v4.new_code_cell("tanks.describe()"))
    cells.append(v4.new_code_cell('tanks["species"].value_counts()'))
    cells.append(v4.new_markdown_cell("## Growth\n\nLength gain per day; a raceway holds up to twelve tanks."))
    cells.append(v4.new_code_cell(
        "def growth_rate(length_mm, days=14):\n    return (length_mm - 25.0) / days\n\n\n"
        "class Raceway:\n    def __init__(self, name, tanks):\n        self.name = name\n        self.tanks = tanks\n\n"
        "    def biomass_kg(self, weight_g=0.35):\n        return sum(self.tanks) * weight_g / 1000\n"))
    cells.append(v4.new_code_cell(
        "for row in tanks.itertuples():\n"
        '    print(f"tank {row.tank:03d} {row.raceway} {row.species}: fry {row.fry_count} length {row.mean_length_mm} mm "\n'
        '          f"growth {growth_rate(row.mean_length_mm):.2f} temp {row.temp_c} C O2 {row.oxygen_mg_l} deaths {row.deaths}")'))
    fl = list(faults)
    rnd.shuffle(fl)
    lint_i = seed % len(LINT_CELLS)
    for k in range(max(n_raceways, len(fl))):
        if k < n_raceways:
            cells.append(v4.new_markdown_cell(f"## Raceway R{k + 1}\n\nStocking density check for raceway R{k + 1}."))
            cells.append(v4.new_code_cell(
                f"def raceway_{k + 1}_density(df):\n    sub = df.iloc[{k} * 5 % len(df)::{k % 3 + 2}]\n"
                f'    return sub["fry_count"].sum() / {rnd.randint(18, 40)}.0\n\n'
                f'print("raceway R{k + 1}:", round(raceway_{k + 1}_density(tanks), 1), "fry per cubic metre")\n'
                f'tanks.iloc[{k} * 4 % len(tanks):{k} * 4 % len(tanks) + {rnd.randint(3, 9)}]'
                f'[["tank", "species", "fry_count", "oxygen_mg_l"]]'))
            if lint:
                cells.append(v4.new_code_cell(LINT_CELLS[lint_i % len(LINT_CELLS)].replace("def ", f"def r{k}_")))
                lint_i += 1
        if k < len(fl):
            cells.append(v4.new_code_cell(FAULTS[fl[k]]))
    if lint and not n_raceways:
        for c in LINT_CELLS[seed % 3: seed % 3 + 4]:
            cells.append(v4.new_code_cell(c))
    cells.append(v4.new_markdown_cell("## Summary"))
    cells.append(v4.new_code_cell('print(f"{site}: {len(tanks)} tanks, {int(tanks.fry_count.sum())} fry on hand")'))
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


NOTEBOOKS = [  # name, seed, tanks, faults, raceways
    ("tanks_east", 41410, 14, ["iloc"], 0),
    ("raceways", 41411, 40, ["broadcast", "invalid"], 2),
    ("fry_growth", 41412, 60, ["typeerror", "merge"], 1),
    ("oxygen", 41413, 25, ["valueerror", "attrerror", "modnotfound"], 1),
    ("season_big", 41414, 420, ["iloc", "broadcast", "invalid", "merge"], 8),
    ("mortality", 41415, 30, ["assert_mort"], 0),
    ("feeding", 41416, 10, ["slow"], 0),
    ("clean", 41417, 9, [], 0),
]


def cap_material(tmp: Path) -> None:
    root = tmp / "hatchbook"
    nbdir = root / "notebooks"
    for name, seed, n, faults, rw in NOTEBOOKS:
        write_nb(nbdir / f"{name}.ipynb", make_nb(name, seed, n, faults, rw))
    os.chdir(root)  # the kernels' ipc sockets go here
    for name, *_ in NOTEBOOKS:
        try:
            execute_nb(nbdir / f"{name}.ipynb")
        except Exception as e:
            cm.note(f"execute {name}: {type(e).__name__}: {e}")
    # nbval's copies: stored outputs of the last run, then a changed seed in some and a changed print format in others
    import nbformat
    for i, (name, seed, n, faults, rw) in enumerate(NOTEBOOKS):
        nb = nbformat.read(str(nbdir / f"{name}.ipynb"), as_version=4)
        for c in nb.cells:
            if c.cell_type != "code":
                continue
            if i % 2 == 0 and "parameters" in c.metadata.get("tags", []):
                c.source = c.source.replace(f"seed = {seed}", f"seed = {seed + 11}")
            if i % 2 == 1 and "for row in tanks.itertuples" in c.source:
                c.source = c.source.replace("length {row.mean_length_mm} mm", "length {row.mean_length_mm:.0f}mm")
        if name == "clean":  # a clean notebook whose only change is a reworded summary
            nb.cells[-1].source = nb.cells[-1].source.replace("fry on hand", "fry in the tanks")
        write_nb(root / "nbval" / f"{name}.ipynb", nb)
    for i in range(4):
        write_nb(root / "lint" / f"raceway{i + 1:02d}.ipynb",
                 make_nb(f"raceway{i + 1}", 41420 + i, 10, [], n_raceways=i % 3, lint=True))
    for i in range(24):
        write_nb(root / "lint_big" / f"week{i + 1:02d}.ipynb",
                 make_nb(f"week{i + 1}", 41430 + i, 10, [], n_raceways=1 + i % 6, lint=True))
    for nm, seed, params in (("tagged", 41460, "tagged"), ("expr", 41461, "expr"), ("untagged", 41462, "none"),
                             ("two_tagged", 41463, "two")):
        write_nb(root / "pm" / f"{nm}.ipynb", make_nb(nm, seed, 6, [], 0, params=params))
    cm.write_tree(root, {
        "tests/test_tanks.py": TEST_TANKS,
        "tests/test_testbook.py": TEST_TESTBOOK,
        "models.py": MODELS,
        "sanitize.cfg": SANITIZE,
    })


SANITIZE = '''[regex1]
regex: \\d+\\.\\d+
replace: FLOAT

[regex2]
regex: fry \\d+
replace: fry N
'''

TEST_TANKS = '''
import numpy as np
import pandas as pd
import pandas.testing as pdt
import numpy.testing as npt
import pytest

SEED = 41470


def tanks(n=30, seed=SEED):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "tank": np.arange(1, n + 1),
        "species": rng.choice(["rainbow", "brown", "char"], n),
        "fry_count": rng.integers(2000, 8000, n),
        "mean_length_mm": rng.normal(31, 4, n).round(1),
        "oxygen_mg_l": rng.normal(8.2, 0.6, n).round(2),
    }).set_index("tank")


def test_column_order():
    df = tanks()
    pdt.assert_frame_equal(df, df[["fry_count", "species", "mean_length_mm", "oxygen_mg_l"]])


def test_species_category():
    df = tanks()
    expected = df.copy()
    expected["species"] = expected["species"].astype("category")
    pdt.assert_frame_equal(df, expected)


def test_index_name():
    df = tanks()
    pdt.assert_frame_equal(df, df.rename_axis("tank_no"))


def test_lengths_rounded():
    df = tanks()
    pdt.assert_series_equal(df["mean_length_mm"], df["mean_length_mm"].round(0))


def test_oxygen_model():
    df = tanks()
    predicted = 8.2 + 0.01 * (df["mean_length_mm"].to_numpy() - 31)
    npt.assert_allclose(df["oxygen_mg_l"].to_numpy(), predicted, atol=0.3)


def test_fry_shape():
    df = tanks()
    npt.assert_array_equal(df["fry_count"].to_numpy(), df["fry_count"].to_numpy()[:-2])


def test_fry_total():
    assert tanks()["fry_count"].sum() == 150_000


@pytest.mark.parametrize("seed", range(SEED, SEED + N_PARAM))
def test_seed_lengths(seed):
    a = tanks(seed=seed)["mean_length_mm"]
    b = tanks(seed=seed + 1)["mean_length_mm"]
    pdt.assert_series_equal(a.head(8), b.head(8), check_exact=False, atol=1.5)


def test_roundtrip(tmp_path):
    df = tanks()
    df.to_csv(tmp_path / "t.csv")
    pdt.assert_frame_equal(df, pd.read_csv(tmp_path / "t.csv", index_col="tank"))
'''

TEST_TESTBOOK = '''
from testbook import testbook

NB = "notebooks/NAME.ipynb"


@testbook(NB, execute=True, timeout=120)
def test_growth_rate(tb):
    growth_rate = tb.ref("growth_rate")
    assert growth_rate(39.0) == 1.5


@testbook(NB, execute=True, timeout=120)
def test_mortality_limit(tb):
    assert tb.value('float(tanks["deaths"].sum() / tanks["fry_count"].sum())') < 0.02


@testbook(NB, execute=True, timeout=120)
def test_tank_count(tb):
    assert tb.value("len(tanks)") == N_TANKS


@testbook(NB, execute=["stocking"], timeout=60)
def test_stocking_cell(tb):
    assert tb.value("site")
'''

MODELS = '''
import sys
import warnings
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import traceback

raceways = int(sys.argv[sys.argv.index("--raceways") + 1]) if "--raceways" in sys.argv else 1
rng = np.random.default_rng(41480)
n = 36 * raceways
tanks = pd.DataFrame({
    "raceway": rng.choice([f"R{i}" for i in range(raceways)], n) if raceways > 1 else "R0",
    "species": rng.choice(["rainbow", "brown", "char"], n),
    "temp_c": rng.normal(11, 0.8, n).round(2),
    "feed_g": rng.gamma(3.0, 40.0, n).round(1),
    "fry_count": rng.integers(2000, 8000, n),
})
tanks["tank id"] = np.arange(n)
tanks["length_mm"] = 20 + 0.05 * tanks["feed_g"] + 0.6 * tanks["temp_c"] + rng.normal(0, 1.5, n)
tanks["grade"] = np.where(tanks["length_mm"] > 34, "large", "small")
tanks.loc[::11, "length_mm"] = np.nan

FORMULAS = [
    "length_mm ~ feed_g + temp_c",
    "length_mm ~ sqrt(feed_g)",
    "length_mm ~ feed_g + temp_c *",
    "length_mm ~ tank id + feed_g",
    "length_mm ~ Q('tank id') + feed_g",
    "grade ~ feed_g",
    "length_mm ~ C(species, Treatment('salmon'))",
    "length_mm ~ C(species) + np.log(feed_g)",
    "length_mm ~ Q(species)",
    "np.sqrt(length_mm - 40) ~ temp_c",
    "length_mm ~ feed_g:temp_c + C(fry_count > 5000)",
]
if raceways > 1:
    FORMULAS += [f"length_mm ~ feed_g + C(raceway, Treatment('R{k}'))" for k in (0, raceways, raceways + 2)]
    FORMULAS += [f"length_mm ~ temp_c + I(feed_g / (temp_c.round() - {k}))" for k in range(9, 13)]
    FORMULAS += [f"length_mm ~ raceway_{k}_oxygen" for k in range(1, raceways)]

for f in FORMULAS:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            res = smf.ols(f, data=tanks).fit()
        print(f"fit {f} -> R2={res.rsquared:.3f} n={int(res.nobs)} params=" +
              ", ".join(f"{k}={v:.2f}" for k, v in res.params.items()))
    except Exception:
        print(f"failed {f}")
        traceback.print_exc()
'''


# ------------------------------------------------------------------ the captures

def cap_lint(tmp: Path) -> None:
    root = tmp / "hatchbook"
    c = _SIZED.cap
    c("nbqa-ruff-one", "nbqa ruff lint/raceway02.ipynb --output-format=concise", root, n_nbqa_ruff, timeout=120)
    c("nbqa-ruff-lint", "nbqa ruff lint", root, n_nbqa_ruff, timeout=120)
    c("nbqa-ruff-big", "nbqa ruff lint_big --output-format=concise", root, n_nbqa_ruff, timeout=180)
    c("nbqa-ruff-select", "nbqa ruff notebooks --select F,E,W,B,PD,NPY,UP", root, n_nbqa_ruff, timeout=120)
    c("nbqa-ruff-big-full", "nbqa ruff lint_big/week1*.ipynb --select F,E,B", root, n_nbqa_ruff, timeout=180)
    c("nbqa-mypy-one", "nbqa mypy lint/raceway03.ipynb", root, n_nbqa_mypy, timeout=300)
    c("nbqa-mypy-lint", "nbqa mypy lint --ignore-missing-imports", root, n_nbqa_mypy, timeout=300)
    c("nbqa-mypy-big", "nbqa mypy lint_big --ignore-missing-imports", root, n_nbqa_mypy, timeout=400)
    c("nbqa-mypy-strict", "nbqa mypy notebooks pm --strict", root, n_nbqa_mypy, timeout=400)


def cap_pytest(tmp: Path) -> None:
    root = tmp / "hatchbook"
    c = _SIZED.cap
    c("nbval-east", "pytest --nbval nbval/tanks_east.ipynb -p no:cacheprovider", root, n_nbval, timeout=300)
    c("nbval-sanitized", "pytest --nbval nbval/tanks_east.ipynb nbval/mortality.ipynb --nbval-sanitize-with "
      "sanitize.cfg -p no:cacheprovider", root, n_nbval, timeout=300)
    c("nbval-timeout", "pytest --nbval --nbval-cell-timeout=4 nbval/feeding.ipynb nbval/clean.ipynb "
      "-p no:cacheprovider", root, n_nbval, timeout=300)
    c("nbval-lax-three", "pytest --nbval-lax nbval/raceways.ipynb nbval/oxygen.ipynb nbval/fry_growth.ipynb "
      "-p no:cacheprovider", root, n_nbval, timeout=400)
    c("nbmake-timeout", "pytest --nbmake --nbmake-timeout=4 notebooks/feeding.ipynb notebooks/clean.ipynb "
      "-p no:cacheprovider", root, n_nbmake, timeout=300)
    c("nbmake-four", "pytest --nbmake notebooks/tanks_east.ipynb notebooks/oxygen.ipynb notebooks/mortality.ipynb "
      "notebooks/fry_growth.ipynb -p no:cacheprovider", root, n_nbmake, timeout=400)
    c("nbmake-big-v", "pytest --nbmake -v notebooks/season_big.ipynb notebooks/raceways.ipynb -p no:cacheprovider",
      root, n_nbmake, timeout=300)
    tf = root / "tests" / "test_tanks.py"
    body = tf.read_text()
    for tag, npar in (("tanks", 2), ("tanks-many", 60)):
        tf.write_text(body.replace("N_PARAM", str(npar)))
        c(f"assert-{tag}", "pytest tests/test_tanks.py -p no:cacheprovider", root, n_nb_assert, timeout=300)
    tf.write_text(body.replace("N_PARAM", "2"))
    tb = root / "tests" / "test_testbook.py"
    tb.write_text(tb.read_text().replace("NAME", "mortality").replace("N_TANKS", "32"))
    c("assert-testbook", "pytest tests/test_testbook.py -p no:cacheprovider", root, n_nb_assert, timeout=400)


def cap_execute(tmp: Path) -> None:
    root = tmp / "hatchbook"
    c = _SIZED.cap
    c("execute-oxygen", "jupyter execute notebooks/oxygen.ipynb", root, n_jupyter_execute, timeout=200)
    c("execute-fry-mortality", "jupyter execute notebooks/fry_growth.ipynb notebooks/mortality.ipynb", root,
      n_jupyter_execute, timeout=300)
    c("execute-feeding-timeout", "jupyter execute --timeout=4 notebooks/clean.ipynb notebooks/feeding.ipynb", root,
      n_jupyter_execute, timeout=200)
    c("execute-nokernel", "jupyter execute --kernel_name=python2 notebooks/tanks_east.ipynb", root,
      n_jupyter_execute, timeout=120)
    c("execute-raceways-big", "jupyter execute --allow-errors notebooks/raceways.ipynb notebooks/season_big.ipynb; "
      "jupyter execute notebooks/raceways.ipynb", root, n_jupyter_execute, timeout=300)


def cap_nbdime(tmp: Path) -> None:
    root = tmp / "hatchbook"
    c = _SIZED.cap
    # (a notebook against its nbval copy gave 380 characters: only the seed line differs; so two different notebooks)
    c("nbdiff-east-mortality", "nbdiff notebooks/tanks_east.ipynb notebooks/mortality.ipynb", root, n_nbdiff,
      timeout=120)
    c("nbdiff-big-sources", "nbdiff -s notebooks/raceways.ipynb notebooks/season_big.ipynb", root, n_nbdiff,
      timeout=120)
    c("nbdiff-oxygen-fry", "nbdiff notebooks/oxygen.ipynb notebooks/fry_growth.ipynb", root, n_nbdiff, timeout=120)
    c("nbdiff-outputs", "nbdiff -O notebooks/raceways.ipynb notebooks/season_big.ipynb", root, n_nbdiff, timeout=120)
    c("nbdiff-pm", "nbdiff pm/tagged.ipynb pm/two_tagged.ipynb", root, n_nbdiff, timeout=120)
    c("nbshow-mortality", "nbshow notebooks/mortality.ipynb", root, n_nbshow, timeout=120)
    c("nbshow-oxygen", "nbshow notebooks/oxygen.ipynb", root, n_nbshow, timeout=120)
    c("nbshow-raceways", "nbshow notebooks/raceways.ipynb", root, n_nbshow, timeout=120)


def cap_convert(tmp: Path) -> None:
    root = tmp / "hatchbook"
    c = _SIZED.cap
    c("jupytext-oxygen-py", "jupytext --to py:percent -o - notebooks/oxygen.ipynb", root, n_jupytext, timeout=120)
    c("jupytext-big-md", "jupytext --to md -o - notebooks/season_big.ipynb", root, n_jupytext, timeout=120)
    c("jupytext-lint-py", "jupytext --to py:percent -o - lint_big/week06.ipynb", root, n_jupytext, timeout=120)
    c("papermill-help-all", 'for nb in notebooks/*.ipynb; do echo "== $nb"; papermill --help-notebook "$nb"; done',
      root, n_papermill_help, timeout=400)
    c("papermill-help-pm", 'for nb in pm/*.ipynb; do echo "== $nb"; papermill --help-notebook "$nb"; done',
      root, n_papermill_help, timeout=200)
    c("nbclean-notebooks", "nb-clean check notebooks", root, n_nbclean, timeout=120)
    c("nbclean-preserve", "nb-clean check --preserve-cell-outputs notebooks nbval pm", root, n_nbclean, timeout=120)
    c("nbstripout-verify", "nbstripout --verify notebooks/*.ipynb pm/*.ipynb; echo exit=$?", root, n_nbclean,
      timeout=120)


def cap_numeric(tmp: Path) -> None:
    root = tmp / "hatchbook"
    c = _SIZED.cap
    c("patsy-models", "python models.py", root, n_patsy, timeout=200)
    c("patsy-models-raceways", "python models.py --raceways 5", root, n_patsy, timeout=200)
    c("threadpoolctl-numpy-sklearn", "python -m threadpoolctl -i numpy sklearn", root, n_threadpoolctl, timeout=120)
    c("threadpoolctl-command", 'python -m threadpoolctl -c "import sklearn.linear_model, scipy.linalg"', root,
      n_threadpoolctl, timeout=120, env={"OMP_NUM_THREADS": "3"},
      typed='OMP_NUM_THREADS=3 python -m threadpoolctl -c "import sklearn.linear_model, scipy.linalg"')
    c("threadpoolctl-missing", "python -m threadpoolctl -i numpy hatchbook statsmodels.api", root, n_threadpoolctl,
      timeout=120, env={"OPENBLAS_NUM_THREADS": "1"},
      typed="OPENBLAS_NUM_THREADS=1 python -m threadpoolctl -i numpy hatchbook statsmodels.api")


STEPS = [cap_material, cap_lint, cap_pytest, cap_execute, cap_nbdime, cap_convert, cap_numeric]


def ensure_tools() -> None:
    cm.install_venv(VENV, "nbqa", PY_PACKAGES, timeout=1200)
    site = next((VENV / "lib").glob("python3*/site-packages"))
    (site / "sitecustomize.py").write_text(w401.SITECUSTOMIZE)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update(w401.IPC_ENV)
    os.environ.update(w401.IPC_ENV)
    import importlib
    if "sitecustomize" in sys.modules:  # imported at startup, before HM_KERNEL_IPC was set: patch now
        importlib.reload(sys.modules["sitecustomize"])
    else:  # a first run: the file is new, importing it patches once (a reload after it would patch twice)
        import sitecustomize  # noqa: F401


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide414", sys.modules["__main__"])
    main()
