#!/usr/bin/env python3
"""Round 586: second samples of round 576's Python packaging kinds on a saddlery's projects (seed 58610: trees,
panels, saddlers): Poetry (show --tree, show --outdated, install, add/lock conflicts, build), PDM build, uv build and
uv sync/lock --locked, pip installs that break installed requirements, pip-sync --dry-run, pipgrip trees and
conflicts, wheel2json. No extractor is written here: each kind's comes from capture_wide576. See NEEDLES.md, round 586.

Usage:   .venv/bin/python scripts/corpus/capture_wide586.py [--out PATH] [--keep] [--only STEPS]
         (W586_PART=name sets the scratch dir suffix, so step groups can run apart, each to its own --out)
Writes:  scripts/corpus/data/wide586.json, ids prefixed "wide586-".
Tools:   poetry, pdm, uv, pip-tools, pipgrip, wheel-inspect, build in /dev/shm/hm-corpus-wide586-tools/venv.
"""
from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide576 as r576  # noqa: E402  (round 576's extractors, imported by function)

ROOT = Path("/dev/shm/hm-corpus-wide586-tools")
VENV = ROOT / "venv"
TMP = Path("/dev/shm/hm-corpus-wide586-run" + os.environ.get("W586_PART", ""))
OUT = HERE / "data" / "wide586.json"
SEED = 58610
S = cm.Sized(400, 120_000)
TOOLS = ["poetry", "pdm", "uv", "pip-tools", "pipgrip", "wheel-inspect", "setup-cfg-fmt", "build",
         "hishel[httpx2]>=1.4,<2"]  # round 576's pin (pdm crashed at import with hishel 2.0)

n_pipgrip = r576.n_pipgrip
n_poetry_tree = r576.n_poetry_tree
n_poetry_outdated = r576.n_poetry_outdated
n_poetry_install = r576.n_poetry_install
n_poetry_conflict = r576.n_poetry_conflict
n_poetry_build = r576.n_poetry_build
n_pdm_build = r576.n_pdm_build
n_uv_build = r576.n_uv_build
n_uv_locked = r576.n_uv_locked
n_pip_conflicts = r576.n_pip_conflicts
n_pip_sync = r576.n_pip_sync
n_wheel2json = r576.n_wheel2json

BIN = VENV / "bin"
ENV = {"POETRY_CACHE_DIR": str(ROOT / "poetry-cache"), "POETRY_VIRTUALENVS_IN_PROJECT": "true",
       "POETRY_NO_INTERACTION": "1", "PDM_CACHE_DIR": str(ROOT / "pdm-cache"), "PDM_CHECK_UPDATE": "false",
       "UV_CACHE_DIR": str(ROOT / "uv-cache"), "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1",
       "UV_PYTHON": str(BIN / "python3"), "PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None,
       "VIRTUAL_ENV": None}

RNG = random.Random(SEED)
SADDLERS = ["Hetty Awl", "Gideon Billet", "Tamsin Flap", "Obed Quilt", "Jory Skirt", "Mabel Latigo"]
WORDS = ["tree", "panel", "flap", "skirt", "billet", "quilting", "latigo", "awl"]


def cap(item_id, command, cwd, ext, timeout=600):
    n = len(cm.ITEMS)
    S.cap(item_id, command, cwd, ext, timeout=timeout, env=ENV)
    if len(cm.ITEMS) > n and not cm.ITEMS[-1]["needles"]:  # an item whose rule finds nothing is dropped
        cm.note(f"drop {cm.ITEMS.pop()['id']}: no needles")


def quiet(command, cwd, timeout=600):
    out = cm.run(command, cwd=cwd, env=ENV, timeout=timeout)
    cm.note(f"    ran {command[:70]!r}: {len(out):,} chars, tail {out.strip()[-200:]!r}")
    return out


def poetry_pyproject(name, version, deps, dev=(), packages=True, extra=""):
    dep_lines = "\n".join(f'{k} = "{v}"' for k, v in deps)
    s = (f'[tool.poetry]\nname = "{name}"\nversion = "{version}"\n'
         f'description = "The saddlery\'s {name}: trees, panels, flaps and saddlers"\n'
         'authors = ["Saddlery <saddlery@example.invalid>"]\n' + extra)
    if packages:
        s += f'packages = [{{include = "{name}", from = "src"}}]\n'
    s += f'\n[tool.poetry.dependencies]\npython = "^3.10"\n{dep_lines}\n'
    if dev:
        s += "\n[tool.poetry.group.dev.dependencies]\n" + "\n".join(f'{k} = "{v}"' for k, v in dev) + "\n"
    return s + '\n[build-system]\nrequires = ["poetry-core>=1.0.0"]\nbuild-backend = "poetry.core.masonry.api"\n'


def module_src(name, n):
    body = [f'"""{name}: the saddlery\'s tallies."""\n']
    for i in range(n):
        who, what = RNG.choice(SADDLERS), RNG.choice(WORDS)
        body.append(f"def stitch_{what}_{i}(rows: int = {RNG.randint(2, 9)}) -> int:\n"
                    f'    """Stitches on a {what} by {who}."""\n    return rows * {RNG.randint(3, 40)}\n')
    return "\n".join(body)


TACK_DEPS = [("click", "^8.1"), ("rich", "^13.7"), ("attrs", "^23.2"), ("httpx", "^0.27"), ("tomlkit", "^0.12")]
SKIRT_PINS = [("flask", "1.1.4"), ("werkzeug", "1.0.1"), ("itsdangerous", "1.1.0"), ("sqlalchemy", "1.3.24"),
              ("marshmallow", "3.10.0"), ("toml", "0.10.1"), ("tqdm", "4.50.0"), ("boto3", "1.17.0"),
              ("jmespath", "0.10.0"), ("pytz", "2021.1"), ("simplejson", "3.17.2"), ("tabulate", "0.8.7"),
              ("python-dotenv", "0.15.0"), ("cachetools", "4.2.1"), ("pyjwt", "1.7.1"), ("gunicorn", "20.0.4")]
LATIGO_DEPS = [("django", "^5.0"), ("djangorestframework", "^3.15"), ("celery", "^5.3"), ("redis", "^5.0"),
               ("psycopg", "^3.1"), ("gunicorn", "^22.0"), ("sentry-sdk", "^2.0"), ("pillow", "^10.3"),
               ("boto3", "^1.34"), ("requests", "^2.31"), ("pydantic", "^2.7"), ("structlog", "^24.1"),
               ("numpy", "^1.26"), ("openpyxl", "^3.1"), ("reportlab", "^4.2"), ("lxml", "^5.2"),
               ("cryptography", "^42.0"), ("paramiko", "^3.4"), ("markdown", "^3.6"), ("bleach", "^6.1"),
               ("arrow", "^1.3"), ("stripe", "^9.0")]
BUILD_FAIL = '''"""The tackroom's build script: stamps the tree sizes into the package."""
import csv


def build(setup_kwargs=None):
    rows = list(csv.reader(open("data/tree_sizes.csv")))
    for i, (saddler, tree, gullet) in enumerate(rows):
        if float(gullet) <= 0:
            raise ValueError(f"tree_sizes.csv row {i}: gullet width must be positive, got {gullet} ({saddler}, {tree})")


if __name__ == "__main__":
    build()
'''


def step_poetry(tmp: Path) -> None:
    P = f"{BIN}/poetry"
    tack = tmp / "tackroom"
    good = poetry_pyproject("tackroom", "0.7.0", TACK_DEPS, dev=[("pytest", "^8.1")])
    cm.write_tree(tack, {"pyproject.toml": good, "README.md": "# tackroom\n",
                         "src/tackroom/__init__.py": module_src("tackroom", 10),
                         "src/tackroom/trees.py": module_src("trees", 40),
                         "src/tackroom/panels.py": module_src("panels", 40)})
    quiet(f"{P} lock", tack, timeout=900)
    cap("poetry-install-tackroom", f"{P} install", tack, n_poetry_install, timeout=900)
    cap("poetry-show-tree-tackroom", f"{P} show --tree", tack, n_poetry_tree)
    cap("poetry-install-group-not-found", f"{P} install --with docs -vvv", tack, n_poetry_install)
    # a lock made stale by removing a dependency
    (tack / "pyproject.toml").write_text(poetry_pyproject("tackroom", "0.7.0", TACK_DEPS[:-1], dev=[("pytest", "^8.1")]))
    cap("poetry-install-removed-dep", f"{P} install -vvv", tack, n_poetry_install)
    (tack / "pyproject.toml").write_text(good)
    # each of the first three alone printed about 215 characters (under 400), so they run chained
    cap("poetry-add-conflicts-chained", f"{P} add 'black==24.2.0' 'click<8'; {P} add 'httpcore==1.0.5' 'h11<0.13'; "
        f"{P} add 'aiohttp==3.9.3' 'yarl<1.0'", tack, n_poetry_conflict)
    cap("poetry-add-conflict-click-vvv", f"{P} add 'black==24.2.0' 'click<8' -vvv", tack, n_poetry_conflict)
    cap("poetry-add-conflict-pluggy", f"{P} add 'pytest>=8' 'pluggy<1.0'", tack, n_poetry_conflict)
    cap("poetry-build-verbose", f"{P} build -vvv", tack, n_poetry_build)
    # a readme that is not there
    (tack / "pyproject.toml").write_text(poetry_pyproject("tackroom", "0.7.1", TACK_DEPS, extra='readme = "README.rst"\n'))
    cap("poetry-build-missing-readme", f"{P} build -vvv", tack, n_poetry_build)
    # a build script that raises
    rows = "\n".join(f"{RNG.choice(SADDLERS)},{RNG.choice(['GP', 'dressage', 'western'])},{RNG.randint(5, 15)}.{RNG.randint(0, 9)}"
                     for _ in range(30)) + "\nJory Skirt,western,-1.5\n"
    cm.write_tree(tack, {"build.py": BUILD_FAIL, "data/tree_sizes.csv": rows})
    (tack / "pyproject.toml").write_text(good.replace(
        "\n[build-system]", '\n[tool.poetry.build]\nscript = "build.py"\ngenerate-setup-file = false\n\n[build-system]'))
    cap("poetry-build-script-fails", f"{P} build -vvv", tack, n_poetry_build)
    (tack / "pyproject.toml").write_text(good)
    # old pins: the tree and the outdated rows
    skirt = tmp / "skirtyard"
    cm.write_tree(skirt, {"pyproject.toml": poetry_pyproject("skirtyard", "1.9.0", SKIRT_PINS, packages=False,
                                                             dev=[("pytest", "6.2.5")]),
                          "README.md": "# skirtyard\n"})
    quiet(f"{P} lock", skirt, timeout=900)
    cap("poetry-show-tree-skirtyard", f"{P} show --tree", skirt, n_poetry_tree)
    cap("poetry-show-outdated-skirtyard", f"{P} show --outdated", skirt, n_poetry_outdated)
    # conflicting pins: lock cannot be solved
    billet = tmp / "billetbench"
    cm.write_tree(billet, {"pyproject.toml": poetry_pyproject(
        "billetbench", "0.4.0", [("pandas", "2.2.2"), ("numpy", "<1.22"), ("django", "5.0.6"), ("asgiref", "<3.7")],
        packages=False)})
    cap("poetry-lock-conflict-billetbench", f"{P} lock -vv", billet, n_poetry_conflict)
    (billet / "pyproject.toml").write_text(poetry_pyproject(
        "billetbench", "0.4.0", [("django", "5.0.6"), ("asgiref", "<3.7")], packages=False))
    cap("poetry-lock-conflict-asgiref", f"{P} lock -vvv", billet, n_poetry_conflict)  # 230 chars without -vvv
    # a large project
    lat = tmp / "latigoline"
    cm.write_tree(lat, {"pyproject.toml": poetry_pyproject("latigoline", "2.3.0", LATIGO_DEPS, packages=False,
                                                           dev=[("pytest", "^8.1"), ("mypy", "^1.10"),
                                                                ("pytest-django", "^4.8")]),
                        "README.md": "# latigoline\n"})
    quiet(f"{P} lock", lat, timeout=1200)
    cap("poetry-show-tree-latigoline", f"{P} show --tree", lat, n_poetry_tree)
    cap("poetry-install-dry-run-latigoline", f"{P} install --dry-run --no-root -v", lat, n_poetry_install)
    cap("poetry-show-outdated-latigoline", f"{P} show --outdated --top-level", lat, n_poetry_outdated)


PDM_PYPROJECT = """[project]
name = "panelbook"
{version}
description = "The saddlery's panel book: flocking, quilting, saddlers"
requires-python = ">=3.9"
dependencies = ["click>=8", "rich>=13"]

[build-system]
requires = ["pdm-backend"]
build-backend = "pdm.backend"
{tail}"""

HOOK_SYNTAX = '''def pdm_build_initialize(context):
    panels = {"left": 4, "right": 4
    context.config.data.setdefault("panel_rows", len(panels))
'''


def step_pdm(tmp: Path) -> None:
    P = f"{BIN}/pdm"
    pb = tmp / "panelbook"
    cm.write_tree(pb, {"pyproject.toml": PDM_PYPROJECT.format(version='version = "0.9.0"', tail=""),
                       "src/panelbook/__init__.py": module_src("panelbook", 20),
                       "src/panelbook/flocking.py": module_src("flocking", 40), "README.md": "# panelbook\n"})
    cap("pdm-build-verbose", f"{P} build -v", pb, n_pdm_build)
    (pb / "pyproject.toml").write_text(PDM_PYPROJECT.format(version='dynamic = ["version"]',
                                                            tail='\n[tool.pdm.version]\nsource = "scm"\n'))
    cap("pdm-build-scm-version", f"{P} build -v", pb, n_pdm_build)
    (pb / "pyproject.toml").write_text(PDM_PYPROJECT.format(
        version='dynamic = ["version"]', tail='\n[tool.pdm.version]\nsource = "file"\npath = "src/panelbook/__init__.py"\n'))
    cap("pdm-build-no-version-in-file", f"{P} build -v", pb, n_pdm_build)
    (pb / "pyproject.toml").write_text(PDM_PYPROJECT.format(version='version = "0.9.0"', tail=""))
    (pb / "pdm_build.py").write_text(HOOK_SYNTAX)
    cap("pdm-build-hook-syntax-error", f"{P} build -v", pb, n_pdm_build)


SETUP_PY = """from setuptools import Extension, setup

setup(ext_modules=[Extension("awlkit._stitch", ["src/awlkit/_stitch.c"])])
"""

STITCH_C = r"""#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "awl_rows.h"

static PyObject *stitch(PyObject *self, PyObject *args) {
    long rows;
    if (!PyArg_ParseTuple(args, "l", &rows))
        return NULL;
    return PyLong_FromLong(rows * AWL_STITCHES_PER_ROW);
}

static PyMethodDef Methods[] = {{"stitch", stitch, METH_VARARGS, "Stitches in rows of quilting."}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_stitch", NULL, -1, Methods};
PyMODINIT_FUNC PyInit__stitch(void) { return PyModule_Create(&mod); }
"""

SETUP_NUMPY = """import numpy
from setuptools import Extension, setup

setup(ext_modules=[Extension("awlkit._stitch", ["src/awlkit/_stitch.c"], include_dirs=[numpy.get_include()])])
"""


def ak_pyproject(extra=""):
    return ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
            f'[project]\nname = "awlkit"\nversion = "1.1.0"\nrequires-python = ">=3.9"\n'
            f'dependencies = ["click>=8", "attrs>=23"]\n{extra}\n'
            '[tool.setuptools.packages.find]\nwhere = ["src"]\n')


HATCH_PYPROJECT = """[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "awl-stitchery"
version = "0.2.0"
requires-python = ">=3.9"
dependencies = ["click>=8"]
"""


def uv_project(name, deps, py=">=3.10"):
    return f'[project]\nname = "{name}"\nversion = "0.8.0"\nrequires-python = "{py}"\ndependencies = {deps}\n'


QUILT_DEPS = '["django>=5", "celery>=5.3", "boto3>=1.34", "sphinx>=7", "fastapi>=0.110", "sqlalchemy>=2", "jinja2>=3"]'


def step_uv(tmp: Path) -> None:
    U = f"{BIN}/uv"
    ak = tmp / "awlkit"
    cm.write_tree(ak, {"pyproject.toml": ak_pyproject(), "setup.py": SETUP_PY, "src/awlkit/_stitch.c": STITCH_C,
                       "src/awlkit/__init__.py": module_src("awlkit", 8)})
    cap("uv-build-missing-header", f"{U} build", ak, n_uv_build)
    (ak / "setup.py").write_text(SETUP_NUMPY)
    cap("uv-build-setup-imports-numpy", f"{U} build -v", ak, n_uv_build)
    (ak / "setup.py").write_text("from setuptools import setup\n\nsetup()\n")
    (ak / "src/awlkit/_stitch.c").unlink()
    (ak / "pyproject.toml").write_text(ak_pyproject('license = "MIT OR"\n'))
    cap("uv-build-bad-license", f"{U} build", ak, n_uv_build)
    (ak / "pyproject.toml").write_text(ak_pyproject('license = "MIT"\n'))
    cap("uv-build-verbose", f"{U} build -v --out-dir {tmp}/wheels", ak, n_uv_build)
    hs = tmp / "awl-stitchery"
    cm.write_tree(hs, {"pyproject.toml": HATCH_PYPROJECT, "src/stitchery/__init__.py": module_src("stitchery", 4)})
    cap("uv-build-hatch-no-package", f"{U} build", hs, n_uv_build)
    qy = tmp / "quiltyard"
    cm.write_tree(qy, {"pyproject.toml": uv_project("quiltyard", QUILT_DEPS)})
    quiet(f"{U} lock", qy, timeout=900)
    cap("uv-sync-frozen-verbose", f"{U} sync --frozen -v", qy, n_uv_locked, timeout=900)
    (qy / "pyproject.toml").write_text(uv_project("quiltyard", QUILT_DEPS, py=">=3.11"))
    cap("uv-sync-locked-python-changed", f"{U} sync --locked; {U} lock --check -v 2>&1 | tail -n 40", qy, n_uv_locked)
    (qy / "pyproject.toml").write_text(uv_project("quiltyard", '["numpy>=2.1", "click>=8"]', py=">=3.9"))
    cap("uv-sync-numpy-python-split", f"{U} sync --locked", qy, n_uv_locked)
    (qy / "pyproject.toml").write_text(uv_project("quiltyard", '["black==24.2.0", "click<8", "httpcore==1.0.5", '
                                                                '"h11<0.13"]'))
    cap("uv-lock-no-solution", f"{U} lock --locked; {U} sync --locked -v 2>&1 | tail -n 50", qy, n_uv_locked)


def step_pip(tmp: Path) -> None:
    v = tmp / "pipvenv"
    quiet(f"python3 -m venv {v} && {v}/bin/pip install -q -U pip && {v}/bin/pip install -q black==24.2.0 "
          "jsonschema==4.21.1 httpx==0.27.0 pytest==8.1.1 aiohttp==3.9.3", tmp, timeout=900)
    pip = f"{v}/bin/pip"
    cap("pip-install-breaks-black-jsonschema", f"{pip} install click==7.1.2 attrs==21.4.0", tmp, n_pip_conflicts)
    cap("pip-install-breaks-pytest-httpcore", f"{pip} install h11==0.12.0 pluggy==0.13.1", tmp, n_pip_conflicts)
    cap("pip-install-breaks-aiohttp", f"{pip} install aiosignal==1.0.0 packaging==21.0", tmp, n_pip_conflicts)
    cap("pip-install-breaks-referencing-verbose", f"{pip} install -v referencing==0.20.0 rpds-py==0.10.0", tmp,
        n_pip_conflicts, timeout=900)
    ft = tmp / "flaptally"
    pins = ["black==24.2.0", "click==8.1.7", "mypy-extensions==1.0.0", "packaging==24.0", "pathspec==0.12.1",
            "platformdirs==4.2.0", "pytest==8.1.1", "pluggy==1.4.0", "iniconfig==2.0.0", "jsonschema==4.21.1",
            "attrs==23.2.0", "referencing==0.35.0", "rpds-py==0.18.0", "jsonschema-specifications==2023.12.1"]
    docs = ["sphinx==7.3.7", "docutils==0.21.2", "alabaster==0.7.16", "babel==2.15.0", "imagesize==1.4.1",
            "snowballstemmer==2.2.0", "sphinxcontrib-applehelp==1.0.8", "sphinxcontrib-devhelp==1.0.6",
            "sphinxcontrib-htmlhelp==2.0.5", "sphinxcontrib-jsmath==1.0.1", "sphinxcontrib-qthelp==1.0.7",
            "sphinxcontrib-serializinghtml==1.1.10", "jinja2==3.1.4", "markupsafe==2.1.5", "pygments==2.18.0",
            "requests==2.32.3", "urllib3==2.2.1", "certifi==2024.2.2", "charset-normalizer==3.3.2", "idna==3.7"]
    cm.write_tree(ft, {"requirements.txt": "\n".join(pins) + "\n",
                       "requirements-old.txt": "click==7.1.2\nattrs==21.4.0\n",
                       "docs-requirements.txt": "\n".join(docs) + "\n"})
    ps = f"{BIN}/pip-sync --dry-run --python-executable {v}/bin/python"
    cap("pip-sync-dry-run", f"{ps} requirements.txt", ft, n_pip_sync)
    cap("pip-sync-dry-run-docs", f"{ps} requirements.txt docs-requirements.txt", ft, n_pip_sync)
    cap("pip-sync-incompatible", f"{ps} requirements.txt requirements-old.txt; {ps} docs-requirements.txt "
        "requirements-old.txt; {ps} requirements-old.txt", ft, n_pip_sync)


def step_pipgrip(tmp: Path) -> None:
    G = f"{BIN}/pipgrip --cache-dir {ROOT}/pipgrip-cache"
    cap("pipgrip-tree-black-pytest", f"{G} --tree black==24.2.0 pytest==8.1.1 jsonschema==4.21.1 httpx==0.27.0", tmp,
        n_pipgrip, timeout=400)  # black and pytest alone printed 261 characters
    cap("pipgrip-tree-fastapi-sphinx", f"{G} --tree 'fastapi[standard]==0.111.0' sphinx==7.3.7", tmp, n_pipgrip,
        timeout=500)  # with fastapi[all] pipgrip ran past 8 minutes
    cap("pipgrip-conflicts", f"{G} --tree 'black==24.2.0' 'click<8'; {G} --tree 'httpcore==1.0.5' 'h11<0.13'; "
        f"{G} --tree 'aiohttp==3.9.3' 'yarl<1.0'", tmp, n_pipgrip, timeout=500)
    cap("pipgrip-tree-then-conflict", f"{G} --tree jsonschema==4.21.1 aiohttp==3.9.3; "
        f"{G} --tree 'django==5.0.6' 'asgiref<3.7'", tmp, n_pipgrip, timeout=500)


CHANGE_WHEEL = r"""import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w") as zo:
    for info in zi.infolist():
        data = zi.read(info.filename)
        if info.filename.endswith("__init__.py"):
            data += b"\n# a saddler's note added after the build\n"
        zo.writestr(info, data)
"""


def step_wheels(tmp: Path) -> None:
    w = tmp / "wheels"
    w.mkdir(exist_ok=True)
    quiet(f"{BIN}/pip download -q --no-deps --only-binary :all: -d {w} urllib3==2.2.1 setuptools==69.5.1",
          tmp)
    for whl in sorted(w.glob("*.whl")):
        name = whl.name.split("-")[0].lower()
        cap(f"wheel2json-{name}", f"wheel2json {whl.name}", w, n_wheel2json)
    built = sorted(w.glob("awlkit-*.whl"))
    if built:
        (tmp / "change_wheel.py").write_text(CHANGE_WHEEL)
        bad = w / "changed" / built[0].name
        bad.parent.mkdir(exist_ok=True)
        quiet(f"{BIN}/python {tmp}/change_wheel.py {built[0]} {bad}", tmp)
        cap("wheel2json-changed-after-record", f"wheel2json changed/{bad.name}", w, n_wheel2json)


def ensure_tools() -> None:
    cm.install_venv(VENV, "wheel2json", TOOLS)
    cm.PATH_PREFIX[:0] = [str(BIN)]


def steps():
    return [step_poetry, step_pdm, step_uv, step_pip, step_pipgrip, step_wheels]


def merge(parts: list[str]) -> None:
    """The parts' items (each part run with its own W586_PART and --out) into OUT, sorted by id."""
    items = [it for p in parts for it in json.loads(Path(p).read_text())["items"]]
    items.sort(key=lambda it: it["id"])
    assert len({it["id"] for it in items}) == len(items)
    OUT.write_text(json.dumps({"version": 2, "items": items}, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(items)} items -> {OUT}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--merge"]:
        merge(sys.argv[2:])
    else:
        cm.capture_round(__doc__, ensure_tools, steps, "wide586-", OUT, TMP, bands=(4_000, 20_000))
