#!/usr/bin/env python3
"""Round 576: Python packaging, dependency resolution and release-build output new to the corpus, on a ropery
(seed 57610: hemp, twine, spinners): Poetry (show --tree, show --outdated, install, add/lock conflicts, build), PDM
build, uv build and uv sync/lock --locked, pip installs that break installed requirements, pip-sync --dry-run,
pipgrip trees and conflicts, wheel2json of wheels built here and downloaded. See NEEDLES.md, round 576.

Usage:   .venv/bin/python scripts/corpus/capture_wide576.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide576.json, ids prefixed "wide576-".
Tools:   poetry, pdm, uv, pip-tools, pipgrip, wheel-inspect, build in /dev/shm/hm-corpus-wide576-tools/venv (made once).
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide576-tools")
VENV = ROOT / "venv"
TMP = Path("/dev/shm/hm-corpus-wide576-run")
OUT = HERE / "data" / "wide576.json"
SEED = 57610
S = cm.Sized(400, 120_000)
kind = cm.kind
TOOLS = ["poetry", "pdm", "uv", "pip-tools", "pipgrip", "wheel-inspect", "setup-cfg-fmt", "build",
         "hishel[httpx2]>=1.4,<2"]  # pdm 2.29.4 crashed at import with the hishel 2.0 pip first chose

# ================================================================== extractors (fixed before capture)

TREE = ("├", "└", "│", "─", " ", "\t")


def _has(ln, words):
    return any(w in ln for w in words)


def _innermost_files(lines):
    """The last `File "…", line N` before each traceback's exception line."""
    out, last = [], None
    for ln in lines:
        if re.match(r'\s*File ".*", line \d+', ln):
            last = ln
        elif last and re.match(r"\s*[\w.]+(Error|Exception)\b.*", ln):
            out.append(last)
            last = None
    return out


@kind("pipgrip", "pkg")
def n_pipgrip(lines):
    """rules 1+5: error/conflict/failed/No matching lines; every top-level line of the tree"""
    out = [ln for ln in lines if _has(ln, ("error", "Error", "conflict", "Conflict", "failed", "No matching"))]
    if any(ln.startswith(("├", "└", "│")) for ln in lines):
        out += [ln for ln in lines if ln.strip() and not ln.startswith(TREE)]
    return out


@kind("poetry-show-tree", "pkg")
def n_poetry_tree(lines):
    """rules 5+1: every top-level line (direct dependency, version, description); Error/error/Warning lines"""
    out = [ln for ln in lines if _has(ln, ("Error", "error", "Warning"))]
    return out + [ln for ln in lines if ln.strip() and not ln.startswith(TREE)]


@kind("poetry-show-outdated", "pkg")
def n_poetry_outdated(lines):
    """rules 4+5: every row whose installed and latest versions differ; Error/error/Warning lines"""
    out = []
    for ln in lines:
        if _has(ln, ("Error", "error", "Warning")):
            out.append(ln)
            continue
        m = re.match(r"^([A-Za-z0-9][\w.\-]*)\s+(?:\(!\)\s+)?(\d\S*)\s+(\d\S*)(\s|$)", ln)
        if m and m.group(2) != m.group(3):
            out.append(ln)
    return out


@kind("poetry-install", "pkg")
def n_poetry_install(lines):
    """rules 1+3: Error/error/failed/Because/changed significantly/poetry lock lines; Package operations and Installing the current project lines"""
    w = ("Error", "error", "failed", "Failed", "Because", "changed significantly", "poetry lock",
         "Package operations:", "Installing the current project:")
    return [ln for ln in lines if _has(ln, w)]


@kind("poetry-add-conflict", "pkg")
def n_poetry_conflict(lines):
    """rules 1+3: Because/And because/So, because/version solving failed/SolverProblemError/Error/error lines"""
    w = ("Because", "And because", "So, because", "version solving failed", "SolverProblemError", "Error", "error")
    return [ln for ln in lines if _has(ln, w)]


@kind("poetry-build", "build")
def n_poetry_build(lines):
    """rules 1+3: Error/error/does not/not found/No file/Invalid/must lines; the Building line; every Built line"""
    w = ("Error", "error", "does not", "not found", "No file", "Invalid", "invalid", "must")
    return [ln for ln in lines if _has(ln, w) or re.match(r"\s*(- )?Build(ing|t) ", ln)]


@kind("pdm-build", "build")
def n_pdm_build(lines):
    """rules 1+3: Error/error/failed lines and exception lines; innermost File line of each traceback; every Built line"""
    out = [ln for ln in lines if _has(ln, ("Error", "error", "failed", "Failed"))
           or re.match(r"^\s*[\w.]+(Error|Exception):", ln) or re.search(r"\bBuilt ", ln)]
    return out + _innermost_files(lines)


@kind("uv-build", "build")
def n_uv_build(lines):
    """rules 1+3: error/Error/failed/×/╰─▶/Caused by lines; innermost File line of each traceback; Successfully built lines"""
    out = [ln for ln in lines if _has(ln, ("error", "Error", "failed", "×", "╰─▶", "Caused by", "Successfully built"))]
    return out + _innermost_files(lines)


@kind("uv-sync-locked", "pkg")
def n_uv_locked(lines):
    """rules 1+3: error:/Caused by/hint:/╰─▶/×/No solution found lines; Resolved/Installed/Audited N packages lines"""
    return [ln for ln in lines if _has(ln, ("error:", "Caused by", "hint:", "╰─▶", "×", "No solution found"))
            or re.search(r"\b(Resolved|Installed|Audited) \d+ packages?", ln)]


@kind("pip-install-dep-conflicts", "pkg")
def n_pip_conflicts(lines):
    """rules 1+3: ERROR/error:/which is incompatible/which is not installed lines; the Successfully installed line"""
    w = ("ERROR", "error:", "which is incompatible", "which is not installed", "Successfully installed")
    return [ln for ln in lines if _has(ln, w)]


@kind("pip-sync-dry-run", "pkg")
def n_pip_sync(lines):
    """rules 1+5: Incompatible/ERROR/error lines; Would uninstall/Would install headers and every package line under them; Everything up-to-date"""
    out, under = [], False
    for ln in lines:
        if _has(ln, ("Incompatible", "ERROR", "error", "Error", "Everything up-to-date")):
            out.append(ln)
        if re.match(r"^Would (un)?install:", ln):
            out.append(ln)
            under = True
        elif under and ln.startswith((" ", "\t")) and ln.strip():
            out.append(ln)
        else:
            under = False
    return out


@kind("wheel2json", "json")
def n_wheel2json(lines):
    """rule 5: filename/project/version/valid/validation_error/str/requires_python/buildver/pyver/abi/arch lines; every requires_dist entry"""
    keys = ("filename", "project", "version", "valid", "validation_error", "str", "requires_python", "buildver",
            "pyver", "abi", "arch")
    out, depth = [], None
    for ln in lines:
        s = ln.strip()
        m = re.match(r'"([\w-]+)":', s)
        if m and m.group(1) in keys:
            out.append(ln)
        if depth is None and re.match(r'"requires_dist":\s*\[\s*$', s):
            depth = 1
            continue
        if depth is not None:
            depth += s.count("[") - s.count("]")
            if depth <= 0:
                depth = None
                continue
            if '"requirement"' in s or re.match(r'^"[^"]*",?$', s):
                out.append(ln)
    return out


# ================================================================== material
BIN = VENV / "bin"
ENV = {"POETRY_CACHE_DIR": str(ROOT / "poetry-cache"), "POETRY_VIRTUALENVS_IN_PROJECT": "true",
       "POETRY_NO_INTERACTION": "1", "PDM_CACHE_DIR": str(ROOT / "pdm-cache"), "PDM_CHECK_UPDATE": "false",
       "UV_CACHE_DIR": str(ROOT / "uv-cache"), "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1",
       "UV_PYTHON": str(BIN / "python3"), "PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None,
       "VIRTUAL_ENV": None}

RNG = random.Random(SEED)
SPINNERS = ["Abel Twiner", "Mercy Hackle", "Jonas Strand", "Ruth Lay", "Silas Cordwain", "Nell Whirl"]


def cap(item_id, command, cwd, ext, timeout=600):
    n = len(cm.ITEMS)
    S.cap(item_id, command, cwd, ext, timeout=timeout, env=ENV)
    if len(cm.ITEMS) > n and not cm.ITEMS[-1]["needles"]:  # an item whose rule finds nothing is dropped
        cm.note(f"drop {cm.ITEMS.pop()['id']}: no needles")


def quiet(command, cwd, timeout=600):
    out = cm.run(command, cwd=cwd, env=ENV, timeout=timeout)
    cm.note(f"    ran {command[:70]!r}: {len(out):,} chars, tail {out.strip()[-160:]!r}")
    return out


def poetry_pyproject(name, version, deps, dev=(), packages=True):
    dep_lines = "\n".join(f'{k} = "{v}"' for k, v in deps)
    s = (f'[tool.poetry]\nname = "{name}"\nversion = "{version}"\n'
         f'description = "The ropery\'s {name}: hemp bales, hackles, twine and spinners"\n'
         'authors = ["Ropery <ropery@example.invalid>"]\n')
    if packages:
        s += f'packages = [{{include = "{name}", from = "src"}}]\n'
    s += f'\n[tool.poetry.dependencies]\npython = "^3.10"\n{dep_lines}\n'
    if dev:
        s += "\n[tool.poetry.group.dev.dependencies]\n" + "\n".join(f'{k} = "{v}"' for k, v in dev) + "\n"
    return s + '\n[build-system]\nrequires = ["poetry-core>=1.0.0"]\nbuild-backend = "poetry.core.masonry.api"\n'


def module_src(name, n):
    body = [f'"""{name}: the ropery\'s tallies."""\n']
    for i in range(n):
        who = RNG.choice(SPINNERS)
        body.append(f"def twist_{i}(strands: int = {RNG.randint(2, 9)}) -> int:\n"
                    f'    """Twists laid by {who}."""\n    return strands * {RNG.randint(3, 40)}\n')
    return "\n".join(body)


HEMP_DEPS = [("click", "^8.1"), ("rich", "^13.7"), ("attrs", "^23.1"), ("httpx", "^0.27"), ("pydantic", "^2.5"),
             ("tomli-w", "^1.0")]
CORD_DEPS = [("fastapi", "^0.110"), ("sqlalchemy", "^2.0"), ("sphinx", "^7.2"), ("boto3", "^1.34"),
             ("celery", "^5.3"), ("httpx", "^0.27"), ("rich", "^13.7"), ("typer", "^0.12"), ("alembic", "^1.13"),
             ("jinja2", "^3.1"), ("pyyaml", "^6.0")]
WALK_DEPS = [("jupyterlab", "^4.1"), ("pandas", "^2.2"), ("matplotlib", "^3.8"), ("scikit-learn", "^1.4"),
             ("dask", "^2024.2"), ("apache-airflow-client", "^2.8"), ("google-cloud-storage", "^2.16")]
OLD_PINS = [("requests", "2.25.0"), ("urllib3", "1.26.5"), ("click", "7.1.2"), ("jinja2", "2.11.3"),
            ("markupsafe", "1.1.1"), ("pyyaml", "5.4.1"), ("rich", "10.0.0"), ("attrs", "20.3.0"),
            ("packaging", "20.9"), ("idna", "2.10"), ("certifi", "2020.12.5"), ("chardet", "3.0.4"),
            ("six", "1.15.0"), ("python-dateutil", "2.8.1"), ("pygments", "2.7.4"), ("colorama", "0.4.4")]


def step_poetry(tmp: Path) -> None:
    P = f"{BIN}/poetry"
    hemp = tmp / "hempyard"
    cm.write_tree(hemp, {"pyproject.toml": poetry_pyproject("hempyard", "0.3.0", HEMP_DEPS, dev=[("pytest", "^8.0")]),
                         "README.md": "# hempyard\n"})
    quiet(f"{P} lock", hemp)
    cap("poetry-install-missing-package", f"{P} install", hemp, n_poetry_install)  # src/hempyard is missing
    cap("poetry-show-tree-hempyard", f"{P} show --tree", hemp, n_poetry_tree)
    cap("poetry-build-missing-package", f"{P} build -vvv", hemp, n_poetry_build)
    # the lock made stale by a new dependency
    (hemp / "pyproject.toml").write_text(poetry_pyproject("hempyard", "0.3.0", HEMP_DEPS + [("tenacity", "^8.2")],
                                                          dev=[("pytest", "^8.0")]))
    cap("poetry-install-stale-lock", f"{P} install -vvv", hemp, n_poetry_install)
    cap("poetry-add-conflict-werkzeug", f"{P} add 'flask>=3.0' 'werkzeug<2'", hemp, n_poetry_conflict)
    cap("poetry-add-conflict-docutils", f"{P} add 'sphinx>=7.2' 'docutils<0.15'", hemp, n_poetry_conflict)
    # a good build of the package, verbose
    cm.write_tree(hemp, {"src/hempyard/__init__.py": module_src("hempyard", 8),
                         "src/hempyard/bales.py": module_src("bales", 30)})
    (hemp / "pyproject.toml").write_text(poetry_pyproject("hempyard", "0.3.0", HEMP_DEPS, dev=[("pytest", "^8.0")]))
    cap("poetry-build-verbose", f"{P} build -vvv", hemp, n_poetry_build)
    # an invalid version and a bad dependency spec
    bad = tmp / "twinefinish"
    cm.write_tree(bad, {"pyproject.toml": poetry_pyproject("twinefinish", "0.1-beta.x!", [("click", ">>8")]),
                        "src/twinefinish/__init__.py": module_src("twinefinish", 3)})
    cap("poetry-build-invalid", f"{P} build -vvv", bad, n_poetry_build)
    # old pins: a big tree, the outdated rows, and an install whose sdist fails to build
    spin = tmp / "spinyard"
    cm.write_tree(spin, {"pyproject.toml": poetry_pyproject("spinyard", "2.1.0", OLD_PINS, packages=False,
                                                            dev=[("pytest", "^6.2")]),
                         "README.md": "# spinyard\n"})
    quiet(f"{P} lock", spin)
    cap("poetry-show-tree-spinyard", f"{P} show --tree", spin, n_poetry_tree)
    cap("poetry-show-outdated-spinyard", f"{P} show --outdated", spin, n_poetry_outdated)
    cap("poetry-show-latest-spinyard", f"{P} show --latest --top-level", spin, n_poetry_outdated)
    cap("poetry-install-sdist-fails", f"{P} install --no-root --only main", spin, n_poetry_install, timeout=900)
    cap("poetry-install-sdist-fails-vvv", f"{P} install --no-root --only main -vvv", spin, n_poetry_install,
        timeout=900)
    # conflicting pins in pyproject: lock cannot be solved
    knot = tmp / "knotyard"
    cm.write_tree(knot, {"pyproject.toml": poetry_pyproject(
        "knotyard", "0.2.0", [("requests", "2.31.0"), ("urllib3", "<1.21"), ("sphinx", "7.2.6"), ("docutils", "0.14")],
        packages=False)})
    cap("poetry-lock-conflict", f"{P} lock -vv", knot, n_poetry_conflict)
    # a large project: its whole tree, its main tree, and an install with a dependency of the wrong name
    cord = tmp / "cordage"
    cm.write_tree(cord, {"pyproject.toml": poetry_pyproject("cordage", "1.4.0", CORD_DEPS, packages=False,
                                                            dev=[("pytest", "^8.0"), ("mypy", "^1.9"), ("ruff", "^0.4")]),
                         "README.md": "# cordage\n"})
    quiet(f"{P} lock", cord, timeout=900)
    cap("poetry-show-tree-cordage", f"{P} show --tree", cord, n_poetry_tree)
    cap("poetry-show-tree-cordage-main", f"{P} show --tree --only main", cord, n_poetry_tree)
    cap("poetry-show-outdated-cordage", f"{P} show --outdated --only main", cord, n_poetry_outdated)
    (cord / "pyproject.toml").write_text(poetry_pyproject("cordage", "1.4.0", CORD_DEPS + [("hempyard-spinners", "^0.1")],
                                                          packages=False))
    cap("poetry-lock-missing-package", f"{P} lock -v", cord, n_poetry_conflict)
    # a very large project: its whole tree
    walk = tmp / "ropewalk"
    cm.write_tree(walk, {"pyproject.toml": poetry_pyproject("ropewalk", "3.0.0", CORD_DEPS + WALK_DEPS, packages=False,
                                                            dev=[("pytest", "^8.0"), ("mypy", "^1.9")]),
                         "README.md": "# ropewalk\n"})
    quiet(f"{P} lock", walk, timeout=900)
    cap("poetry-show-tree-ropewalk", f"{P} show --tree", walk, n_poetry_tree)


PDM_PYPROJECT = """[project]
name = "twinebook"
version = "1.2.0"
description = "The ropery's twine book: lays, twists, spinners"
requires-python = ">=3.9"
dependencies = {deps}

[build-system]
requires = ["pdm-backend"]
build-backend = "pdm.backend"

[tool.pdm.build]
includes = {includes}
"""

HOOK_FAIL = '''import csv


def pdm_build_initialize(context):
    rows = list(csv.reader(open("data/twists.csv")))
    for i, row in enumerate(rows):
        lay = int(row[2])
        if lay <= 0:
            raise ValueError(f"twists.csv row {i}: lay length must be positive, got {lay} for {row[0]}")
    context.config.data.setdefault("twist_rows", len(rows))
'''


def step_pdm(tmp: Path) -> None:
    P = f"{BIN}/pdm"
    tw = tmp / "twinebook"
    rows = "\n".join(f"{RNG.choice(SPINNERS)},{RNG.choice(['hemp', 'sisal', 'manila'])},{RNG.randint(1, 90)}"
                     for _ in range(40)) + "\nNell Whirl,hemp,-3\n"
    cm.write_tree(tw, {"pyproject.toml": PDM_PYPROJECT.format(deps='["click>=8", "attrs>=23"]',
                                                              includes='["src/twinebook"]'),
                       "src/twinebook/__init__.py": module_src("twinebook", 12),
                       "src/twinebook/lays.py": module_src("lays", 25), "data/twists.csv": rows,
                       "README.md": "# twinebook\n"})
    cap("pdm-build-verbose", f"{P} build -v", tw, n_pdm_build)
    (tw / "pdm_build.py").write_text(HOOK_FAIL)
    cap("pdm-build-hook-fails", f"{P} build -v", tw, n_pdm_build)
    (tw / "pdm_build.py").unlink()
    (tw / "pyproject.toml").write_text(PDM_PYPROJECT.format(deps='["click>>8", "attrs>=23"]',
                                                            includes='["src/twinebook", "data/missing-lays.csv"]'))
    cap("pdm-build-bad-dependency", f"{P} build -v", tw, n_pdm_build)


SETUP_PY = """from setuptools import Extension, setup

setup(ext_modules=[Extension("spinnerkit._twist", ["src/spinnerkit/_twist.c"])])
"""

TWIST_C = r"""#define PY_SSIZE_T_CLEAN
#include <Python.h>

static long lay_length(long strands, long twists) {
    return strands * twists / turns_per_fathom;
}

static PyObject *twist(PyObject *self, PyObject *args) {
    long strands, twists;
    if (!PyArg_ParseTuple(args, "ll", &strands, &twists))
        return NULL;
    char *spinner = strands;
    return PyLong_FromLong(lay_length(strands, twists, spinner));
}

static PyMethodDef Methods[] = {{"twist", twist, METH_VARARGS, "Lay length of a twist."}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_twist", NULL, -1, Methods};
PyMODINIT_FUNC PyInit__twist(void) { return PyModule_Create(&mod) }
"""


def sk_pyproject(deps='["click>=8"]'):
    return ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
            f'[project]\nname = "spinnerkit"\nversion = "0.4.0"\nrequires-python = ">=3.9"\ndependencies = {deps}\n\n'
            '[tool.setuptools.packages.find]\nwhere = ["src"]\n')


def uv_project(name, deps):
    return (f'[project]\nname = "{name}"\nversion = "0.5.0"\nrequires-python = ">=3.10"\n'
            f'dependencies = {deps}\n')


def step_uv(tmp: Path) -> None:
    U = f"{BIN}/uv"
    sk = tmp / "spinnerkit"
    cm.write_tree(sk, {"pyproject.toml": sk_pyproject(), "setup.py": SETUP_PY, "src/spinnerkit/_twist.c": TWIST_C,
                       "src/spinnerkit/__init__.py": module_src("spinnerkit", 6)})
    cap("uv-build-cext-fails", f"{U} build", sk, n_uv_build)
    cap("uv-build-cext-fails-verbose", f"{U} build -v", sk, n_uv_build)
    (sk / "src/spinnerkit/_twist.c").unlink()
    (sk / "setup.py").write_text("from setuptools import setup\n\nsetup()\n")
    (sk / "pyproject.toml").write_text(sk_pyproject('"click>=8"'))
    cap("uv-build-bad-pyproject", f"{U} build -v", sk, n_uv_build)
    (sk / "pyproject.toml").write_text(sk_pyproject('["click>=8", "rich>=13"]'))
    cap("uv-build-verbose", f"{U} build -v --out-dir {tmp}/wheels", sk, n_uv_build)
    ry = tmp / "ropeyard"
    cm.write_tree(ry, {"pyproject.toml": uv_project("ropeyard", '["click>=8", "rich>=13", "httpx>=0.27", "sphinx>=7"]')})
    quiet(f"{U} lock", ry)
    cap("uv-sync-frozen", f"{U} sync --frozen", ry, n_uv_locked)
    cap("uv-sync-frozen-reinstall-verbose", f"{U} sync --frozen --reinstall -v", ry, n_uv_locked)
    (ry / "pyproject.toml").write_text(uv_project("ropeyard", '["click>=8", "rich>=13", "httpx>=0.27", "sphinx>=7", '
                                                              '"tenacity>=8"]'))
    cap("uv-sync-locked-stale", f"{U} sync --locked; {U} lock --locked; {U} sync --frozen --reinstall", ry,
        n_uv_locked)
    cap("uv-lock-locked-stale", f"{U} lock --check; {U} sync --locked --all-extras -v 2>&1 | tail -n 60", ry,
        n_uv_locked)
    (ry / "pyproject.toml").write_text(uv_project("ropeyard", '["flask>=3", "werkzeug<2", "sphinx>=7", '
                                                              '"docutils<0.15"]'))
    cap("uv-sync-no-solution", f"{U} sync --locked", ry, n_uv_locked)


def step_pip(tmp: Path) -> None:
    v = tmp / "pipvenv"
    quiet(f"python3 -m venv {v} && {v}/bin/pip install -q -U pip && {v}/bin/pip install -q flask==3.0.0 requests==2.31.0 rich==13.7.1 sphinx==7.2.6",
          tmp, timeout=900)
    pip = f"{v}/bin/pip"
    cap("pip-install-breaks-flask", f"{pip} install werkzeug==2.0.3 urllib3==1.25.11 click==7.1.2", tmp,
        n_pip_conflicts)
    cap("pip-install-breaks-rich", f"{pip} install markdown-it-py==1.1.0 pygments==2.5.2", tmp, n_pip_conflicts)
    cap("pip-install-breaks-sphinx", f"{pip} install -v docutils==0.14 jinja2==2.11.3 babel==2.6.0 "
        "snowballstemmer==1.2.1 alabaster==0.7.10", tmp, n_pip_conflicts)
    cap("pip-install-breaks-many-verbose", f"{pip} install -v markupsafe==1.1.1 requests==2.20.0 pyyaml==6.0.1", tmp,
        n_pip_conflicts, timeout=900)
    rt = tmp / "ropetally"
    pins = ["click==8.1.7", "rich==13.7.1", "attrs==23.2.0", "httpx==0.27.0", "anyio==4.3.0", "sniffio==1.3.1",
            "h11==0.14.0", "httpcore==1.0.5", "certifi==2024.2.2", "idna==3.7", "markdown-it-py==3.0.0",
            "mdurl==0.1.2", "pygments==2.17.2", "tenacity==8.2.3"]
    cm.write_tree(rt, {"requirements.txt": "\n".join(pins) + "\n",
                       "requirements-old.txt": "click==7.1.2\nrequests==2.25.0\n",
                       "dev-requirements.txt": "pytest==8.1.1\npluggy==1.4.0\niniconfig==2.0.0\n"})
    ps = f"{BIN}/pip-sync --dry-run --python-executable {v}/bin/python"
    cap("pip-sync-dry-run", f"{ps} requirements.txt", rt, n_pip_sync)
    cap("pip-sync-dry-run-two-files", f"{ps} requirements.txt dev-requirements.txt", rt, n_pip_sync)
    cap("pip-sync-incompatible", f"{ps} requirements.txt requirements-old.txt; {ps} requirements-old.txt "
        "dev-requirements.txt", rt, n_pip_sync)


def step_pipgrip(tmp: Path) -> None:
    G = f"{BIN}/pipgrip --cache-dir {ROOT}/pipgrip-cache"
    cap("pipgrip-tree-sphinx", f"{G} --tree sphinx==7.2.6", tmp, n_pipgrip, timeout=400)
    cap("pipgrip-tree-then-conflict", f"{G} --tree rich httpx typer; {G} --tree 'flask==3.0.0' 'werkzeug<2'", tmp,
        n_pipgrip, timeout=400)
    cap("pipgrip-conflicts", f"{G} --tree 'requests==2.31.0' 'urllib3<1.21' click; "
        f"{G} --tree 'sphinx==7.2.6' 'docutils<0.15'; {G} --tree 'fastapi==0.110.0' 'starlette<0.20'", tmp, n_pipgrip,
        timeout=400)


BREAK_WHEEL = r"""import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w") as zo:
    for info in zi.infolist():
        data = zi.read(info.filename)
        if info.filename.endswith(".py") and b"twist_1" in data:
            data += b"\n# patched by hand after the build\n"
        zo.writestr(info, data)
"""


def step_wheels(tmp: Path) -> None:
    w = tmp / "wheels"
    w.mkdir(exist_ok=True)
    quiet(f"{BIN}/pip download -q --no-deps --only-binary :all: -d {w} rich==13.7.1 httpx==0.27.0 "
          "sphinx==7.2.6 click==8.1.7 attrs==23.2.0 packaging==24.0 pygments==2.17.2 docutils==0.20.1", tmp)
    for whl in sorted(w.glob("*.whl")):
        name = whl.name.split("-")[0].lower()
        cap(f"wheel2json-{name}", f"wheel2json {whl.name}", w, n_wheel2json)
    sk = sorted(w.glob("spinnerkit-*.whl"))
    if sk:
        (tmp / "break_wheel.py").write_text(BREAK_WHEEL)
        bad = w / "broken" / sk[0].name
        bad.parent.mkdir(exist_ok=True)
        quiet(f"{BIN}/python {tmp}/break_wheel.py {sk[0]} {bad}", tmp)
        cap("wheel2json-record-mismatch", f"wheel2json broken/{bad.name}", w, n_wheel2json)


def ensure_tools() -> None:
    cm.install_venv(VENV, "wheel2json", TOOLS)
    cm.PATH_PREFIX[:0] = [str(BIN)]


def steps():
    return [step_poetry, step_pdm, step_uv, step_pip, step_pipgrip, step_wheels]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide576-", OUT, TMP, bands=(4_000, 20_000))
