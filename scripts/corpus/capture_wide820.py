#!/usr/bin/env python3
"""Capture round 820 of the compression corpus: Python packaging and project-hygiene checkers in outputs the corpus
lacks, on a tallow chandler's small package written here (`tallowworks`: modules dips, wicks, moulds, rendering
(rendering pans), chandlers, records and, in the larger copies, numbered vats), with faults put in: a pyproject.toml
with wrong field types and an unknown key, a README.rst with broken markup, a MANIFEST.in that leaves files out,
files not in git, imports of undeclared packages and declared packages never imported, a layers contract and module
boundaries the code breaks, `__slots__` classes that overlap, a wheel holding `.pyc` files, a duplicate and a
top-level `tests`, a venv whose packages conflict, requirements the registry cannot satisfy together.

Kinds (rules in NEEDLES.md's "Round 820" section). NEW: check-sdist, pip-missing-reqs, pip-extra-reqs, creosote,
repo-review, repo-review-json, hatch-build, setup-py-check, pyproject-parser-check, tach-check, tach-check-external.
Kept, extractors imported: twine-check (capture_wide24_py), pyroma, slotscheck (capture_wide28_py), deptry
(capture_wide294), check-manifest (capture_wide31_py), validate-pyproject (capture_wide34_py), lint-imports
(capture_wide38_py), check-wheel-contents (capture_wide108_pkg), pip-check (capture_wide2), pip-resolver-conflict
(capture_wide), pyproject-build (capture_wide370). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide820.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide820.json  as {"version": 2, "items": [...]}, ids prefixed "wide820-".
Tools:   in a venv under /dev/shm/hm-corpus-wide820 (PyPI): check-sdist 1.6.0, pip-check-reqs 3.1.0, creosote 5.2.0,
         sp-repo-review 2026.8.14 (repo-review), hatch 1.18.2 (hatchling 1.33.0), pyproject-parser 0.14.0, tach 0.35.3,
         twine 7.0.0, pyroma 5.0.1, validate-pyproject 0.27, slotscheck 0.21.0, import-linter 2.17, check-manifest
         0.51, deptry 0.25.1, check-wheel-contents 0.6.3, build 1.6.1, pip 26.3, setuptools 65.5.0 (the venv's, for
         `setup.py check`); Python 3.11.7; git.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_data import any_of  # noqa: E402
from capture_wide24_py import N_TWINE_CHECK  # noqa: E402
from capture_wide28_py import N_PYROMA, N_SLOTSCHECK  # noqa: E402
from capture_wide294 import N_DEPTRY  # noqa: E402
from capture_wide31_py import N_CHECK_MANIFEST  # noqa: E402
from capture_wide34_py import N_VALIDATE_PYPROJECT  # noqa: E402
from capture_wide38_py import N_LINT_IMPORTS  # noqa: E402
from capture_wide108_pkg import n_cwc  # noqa: E402
from capture_wide2 import n_pip_check  # noqa: E402
from capture_wide import n_pip_conflict  # noqa: E402
from capture_wide370 import n_build  # noqa: E402

ID_PREFIX = "wide820-"
DEFAULT_OUT = HERE / "data" / "wide820.json"
TMP = Path("/dev/shm/hm-corpus-wide820-run")
TOOLS = Path("/dev/shm/hm-corpus-wide820")
VENV = TOOLS / "v"
SITE = VENV / "lib" / "python3.11" / "site-packages"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
PKGS = ["check-sdist==1.6.0", "creosote==5.2.0", "pip-check-reqs==3.1.0", "pyproject-parser[cli]==0.14.0",
        "sp-repo-review[cli]==2026.8.14", "tach==0.35.3", "hatch==1.18.2", "pyroma==5.0.1", "validate-pyproject==0.27",
        "slotscheck==0.21.0", "import-linter==2.17", "check-manifest==0.51", "build==1.6.1", "twine==7.0.0",
        "check-wheel-contents==0.6.3", "deptry==0.25.1", "wheel"]
GIT_ENV = {"GIT_AUTHOR_NAME": "Hester Dipping", "GIT_AUTHOR_EMAIL": "hester@example.org",
           "GIT_COMMITTER_NAME": "Hester Dipping", "GIT_COMMITTER_EMAIL": "hester@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}
ENV = {**cm.PIP_ENV, **GIT_ENV, "HATCH_DATA_DIR": str(TOOLS / "hatch-data"), "HATCH_CACHE_DIR": str(TOOLS / "hatch-cache"),
       "XDG_CACHE_HOME": str(TOOLS / "cache"), "PIP_CACHE_DIR": str(TOOLS / "pip-cache")}


def ensure_tools() -> None:
    cm.install_venv(VENV, "tach", PKGS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ================================================================== extractors (NEEDLES.md, round 820)

R1 = re.compile(r"\bError\b|error:|ERROR|\w+Error: ")
EXIT = re.compile(r"^EXIT=\d+$")
FILE_TB = re.compile(r'^\s*File "[^"]+", line \d+')


def _rule1(lines):
    """rule 1 shared by the new kinds: error lines; each traceback's exception line and innermost File line; EXIT=N"""
    out = []
    for i, ln in enumerate(lines):
        if EXIT.match(ln.strip()):
            out.append(ln)
        elif R1.search(ln) and not re.match(r"^\s+raise ", ln):
            out.append(ln)
        if ln.startswith("Traceback (most recent call last)"):
            inner, k = None, i + 1
            while k < len(lines) and (lines[k].startswith((" ", "\t")) or not lines[k].strip()):
                if FILE_TB.match(lines[k]):
                    inner = lines[k]
                k += 1
            out.append(inner)
            if k < len(lines):
                out.append(lines[k])
    return out


def _headed(lines, head: re.Pattern, item: re.Pattern | None = None):
    """each header line matching `head` and every non-blank indented (or `item`-matching) line listed under it"""
    out, inside = [], False
    for ln in lines:
        if head.search(ln):
            out.append(ln)
            inside = True
        elif inside and ln.strip() and (ln.startswith((" ", "\t", "-")) or (item and item.search(ln))):
            out.append(ln)
        elif ln.strip():
            inside = False
    return out


@cm.kind("check-sdist", "pkg")
def n_check_sdist(lines):
    """Every list header (a line ending ':' with no leading blank: SDist only:, Git only:) and every path under one; the verdict line; rule 1."""
    out = _headed(lines, re.compile(r"^\S.* only:$"), re.compile(r"^[\w.\-/]+$"))
    out += [ln for ln in lines if re.search(r"(?i)^(no differences|sdist (does not )?match|all good|ok)\b", ln)]
    return out + _rule1(lines)


@cm.kind("pip-missing-reqs", "pkg")
def n_missing_reqs(lines):
    """The 'Missing requirements:' header and every finding line under it (file:line dist=X module=Y); rule 1."""
    out = [ln for ln in lines if ln.startswith("Missing requirements")]
    out += [ln for ln in lines if re.search(r":\d+ dist=\S+ module=\S+", ln)]
    return out + _rule1(lines)


@cm.kind("pip-extra-reqs", "pkg")
def n_extra_reqs(lines):
    """The 'Extra requirements:' header and every requirement line under it; rule 1."""
    out = _headed(lines, re.compile(r"^Extra requirements"), re.compile(r"^[A-Za-z0-9][\w.\-]*( in \S+)?$"))
    return out + _rule1(lines)


@cm.kind("creosote", "pkg")
def n_creosote(lines):
    """Every line reporting unused dependencies and each dependency listed after it; the 'No unused dependencies found' verdict; WARNING one any per shape; rule 1."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"(?i)unused dependenc", ln):
            out.append(ln)
            k = i + 1
            while k < len(lines) and re.match(r"^\s*(-\s+)?[A-Za-z0-9][\w.\-\[\]]*\s*$", lines[k]):
                out.append(lines[k])
                k += 1
    out += cm.groups((cm.mask(ln.split("WARNING", 1)[1]), ln) for ln in lines if "WARNING" in ln)
    return out + [x for x in _rule1(lines) if not (isinstance(x, str) and "WARNING" in x)]


FAMILY = re.compile(r"^(?!Hint)[A-Z][\w .\-]*:$")


@cm.kind("repo-review", "lint")
def n_repo_review(lines):
    """Every family header line, every failed check row (code and name) with the first non-blank line after it, every skipped row one any per family; rule 1."""
    out, fam, skipped = [], "", {}
    for i, ln in enumerate(lines):
        if FAMILY.match(ln):
            fam = ln.strip()
            out.append(ln)
        elif re.search(r"(❌|✗|\bFAIL\b|\[red\]|\bfailed\b)", ln) and re.search(r"[A-Z]{2,}\d{3}", ln):
            out.append(ln)
            out.append(next((x for x in lines[i + 1:i + 7] if x.strip() and not re.search(r"[A-Z]{2,}\d{3}", x)),
                            None))
        elif re.search(r"(⚠|🟡|\bskip)", ln, re.I) and re.search(r"[A-Z]{2,}\d{3}", ln):
            skipped.setdefault(fam, []).append(ln)
    out += [any_of(v) for v in skipped.values()]
    return out + _rule1(lines)


@cm.kind("repo-review-json", "json")
def n_repo_review_json(lines):
    """Every check whose "result" is false: its key line and its "description" line; every "family" name line; rule 1."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"result": false', ln):
            key = next((lines[k] for k in range(i - 1, max(-1, i - 12), -1) if re.match(r'^\s*"[^"]+": \{$', lines[k])),
                       None)
            desc = None
            for k in range(max(0, i - 10), min(len(lines), i + 10)):
                if re.match(r'^\s*"description": ', lines[k]) and (key is None or lines.index(key) < k):
                    desc = lines[k]
                    break
            out += [key, desc]
    in_fam = False
    for ln in lines:
        if re.match(r'^\s*"families": \{', ln):
            in_fam = True
        elif in_fam and re.match(r'^\s*"name": ', ln):
            out.append(ln)
        elif in_fam and re.match(r'^\s{0,2}\}', ln):
            in_fam = False
    return out + [x for x in _rule1(lines) if not (isinstance(x, str) and '"description"' in x)]


@cm.kind("hatch-build", "build")
def n_hatch_build(lines):
    """Every target header ([sdist], [wheel]) and every artifact path (dist/...); rule 1 (errors, a traceback's exception and innermost File line); EXIT=N."""
    out = [ln for ln in lines if re.match(r"^─*\s*\[?(sdist|wheel|binary)\]?\s*─*$", ln.strip())
           or re.match(r"^\s*dist/\S+$", ln)]
    return out + _rule1(lines)


@cm.kind("setup-py-check", "pkg")
def n_setup_check(lines):
    """Every error: line; 'warning: check:' lines one any per message shape; every docutils report line ((WARNING/2), (ERROR/3), (SEVERE/4)); 'running check'; EXIT=N."""
    out = [ln for ln in lines if ln.startswith("running check")]
    out += [ln for ln in lines if re.search(r"\((INFO|WARNING|ERROR|SEVERE)/\d\)", ln)]
    out += cm.groups((cm.mask(ln.split("check:", 1)[1]), ln) for ln in lines if ln.startswith("warning: check:"))
    return out + [x for x in _rule1(lines) if not (isinstance(x, str) and "warning: check:" in x)]


@cm.kind("pyproject-parser-check", "lint")
def n_pp_check(lines):
    """The 'Validating ...' line, every error line (BadConfigError, ...Error:, Invalid, must be) and the pyproject.toml location/key line within six; rule 1."""
    out = [ln for ln in lines if ln.startswith("Validating")]
    for i, ln in enumerate(lines):
        if re.search(r"BadConfigError|\w+Error:|Invalid|must be", ln) and not re.match(r"^\s+raise ", ln):
            out.append(ln)
            if "pyproject.toml" not in ln:
                out.append(cm.next_match(lines, i, r"pyproject\.toml|^\s*\[|\w+\.\w+"))
    return out + _rule1(lines)


@cm.kind("tach-check", "lint")
def n_tach_check(lines):
    """Every error line (file:line, import, boundary broken), warning lines one any per (shape, file), the closing summary / verdict; rule 1."""
    out = []
    for ln in lines:
        if re.search(r"❌|\[FAIL\]|\[ERROR\]|Error|cannot|not allowed|does not", ln):
            out.append(ln)
    out += cm.groups(((cm.mask(ln), (re.search(r"[\w./-]+\.py", ln) or [""])[0]), ln) for ln in lines
                     if re.search(r"‼️|⚠|\[WARN\]|[Ww]arning", ln))
    out += [ln for ln in lines if re.search(r"(?i)all modules validated|\d+ errors?|✅", ln)]
    return out + _rule1(lines)


@cm.kind("tach-check-external", "pkg")
def n_tach_ext(lines):
    """Every line naming an undeclared or unused external dependency, every section header above such lines, the closing verdict; rule 1."""
    out = []
    for ln in lines:
        if re.search(r"(?i)undeclared|unused|not declared|❌|\[FAIL\]|\[ERROR\]|Error|does not|declared", ln):
            out.append(ln)
        elif re.match(r"^\S.*:$", ln):
            out.append(ln)
    out += _headed(lines, re.compile(r"(?i)(unused|undeclared).*:$"))
    out += [ln for ln in lines if re.search(r"(?i)all external dependencies|validated|✅", ln)]
    return out + _rule1(lines)


# ================================================================== material: tallowworks

REQ_ALL = "requests>=2.28\nclick>=8.1\nattrs>=23.1\ntwine\njinja2\nnetworkx\npydantic\nhttpx2\nloguru\ntomlkit\nnatsort\nbleach\nmistune\nkeyring\ncryptography\npygments\ngitpython\nvirtualenv\ntrove-classifiers\nplatformdirs\npexpect\ntornado\npyzmq\nnbformat\nsmmap\n"
BASE = ["wicks", "dips", "moulds", "rendering", "chandlers"]

README_OK = """tallowworks
===========

A tallow chandler's bench: rendering pans, wicks, dips and moulds.

Usage
-----

.. code-block:: python

    from tallowworks.dips import dip
    dip(wick_length=12, dips=30)
"""

README_BAD = """tallowworks
=========

A tallow chandler's bench: rendering pans, wicks, dips and `moulds.

Usage
-----

.. code-blok:: python

    from tallowworks.dips import dip

See the `rendering guide`_ and the :unknownrole:`vats`.

* a list item
continued without a blank line
  * nested

Changelog
~~~~

.. _other guide: https://example.org/guide
"""


def readme_big(vats: int) -> str:
    s = README_BAD
    for i in range(vats):
        bar = "-" * (5 if i % 3 == 0 else 8)
        s += f"\nVat {i:02d}\n{bar}\n\nRender vat {i:02d} at `{140 + i}F and skim it.\n"
        if i % 4 == 1:
            s += f"\n.. warnng:: vat {i:02d} runs hot\n"
    return s


def unit_py(u: str, k: int, faults: set, units: list[str]) -> str:
    imp = {"wicks": "", "dips": "from tallowworks.wicks import Wick\n", "moulds": "from tallowworks.dips import dip\n",
           "rendering": "", "chandlers": "from tallowworks.moulds import mould\nfrom tallowworks.dips import dip\n"}
    head = imp.get(u, "from tallowworks.rendering import render\n")
    if "deps" in faults:
        head += {"dips": "import requests\n", "chandlers": "import rich\nimport urllib3\n",
                 "moulds": "import yaml\n", "rendering": "import packaging.version\n",
                 "wicks": "from tallowworks.chandlers import Chandler\n"}.get(u, "")
        if u.startswith("vat"):
            n = int(u[3:])
            head += ["import requests\n", "import rich.console\n", "import yaml\n", "from tallowworks.chandlers import Chandler\n",
                     "import docutils\n", "import toml_sort\n", ""][n % 7]
    body = f'''"""The {u} of the chandlery."""
from __future__ import annotations

{head}
TALLOW_PER_{u.upper()} = {k * 3 + 1}


def {u}_weight(n: int) -> float:
    """Pounds of tallow for n {u}."""
    return n * TALLOW_PER_{u.upper()} / 16


class {u.capitalize()}Ledger:
    def __init__(self) -> None:
        self.rows: list[tuple[str, int]] = []

    def enter(self, name: str, qty: int) -> None:
        self.rows.append((name, qty))
'''
    extra = {"wicks": "\n\nclass Wick:\n    def __init__(self, length: int) -> None:\n        self.length = length\n",
             "dips": "\n\ndef dip(wick_length: int, dips: int) -> float:\n    return wick_length * dips * 0.01\n",
             "moulds": "\n\ndef mould(n: int) -> list[float]:\n    return [dip(12, 30) for _ in range(n)]\n",
             "rendering": "\n\ndef render(pounds: float) -> float:\n    return pounds * 0.82\n",
             "chandlers": "\n\nclass Chandler:\n    name = 'Hester'\n"}.get(u, "")
    return body + extra


RECORDS = '''"""Records with __slots__ (slotscheck checks them)."""


class Batch:
    __slots__ = ("vat", "pounds")


class Dip(Batch):
    __slots__ = ("vat", "dips")


class Wick:
    __slots__ = ("length", "ply", "length")


class PlainPan:
    pass


class RenderingPan(PlainPan):
    __slots__ = ("capacity",)


class Mould(Batch):
    __slots__ = ("cavities",)


class TinMould(Mould):
    __slots__ = ("pounds",)
'''


def pyproject(name: str, faults: set, backend: str, deps: list[str]) -> str:
    if backend == "hatchling":
        bs = '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
    else:
        bs = '[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n'
    dl = ", ".join(f'"{d}"' for d in deps)
    if "hatchbad" in faults:
        proj = (f'[project]\nname = "{name}"\ndynamic = ["version"]\nrequires-python = ">=3.9"\n'
                f'readme = "README.rst"\ndependencies = [{dl}]\n')
    elif "badmeta" in faults:
        proj = (f'[project]\nname = "{name}"\nversion = 0.8\nrequires-python = 3.9\ndescription = ["a chandlery"]\n'
                f'readme = "README.rst"\nauthors = "Hester Dipping"\nlicense = {{file = "LICENSE", text = "MIT"}}\n'
                f'dependencies = [{dl}, "click>=8;;"]\nhomepage = "https://example.org/tallow"\n'
                'classifiers = ["Programming Language :: Python :: 3", "Topic :: Candles"]\n'
                '[project.scripts]\nchandle = 42\n')
    else:
        proj = (f'[project]\nname = "{name}"\nversion = "0.8.20"\nrequires-python = ">=3.9"\n'
                f'description = "A tallow chandler\'s bench"\nreadme = "README.rst"\nlicense = {{text = "MIT"}}\n'
                f'authors = [{{name = "Hester Dipping", email = "hester@example.org"}}]\ndependencies = [{dl}]\n'
                'classifiers = ["Programming Language :: Python :: 3", "Development Status :: 3 - Alpha"]\n')
    tool = ""
    if "contracts" in faults:
        tool += ('\n[tool.importlinter]\nroot_package = "tallowworks"\n\n[[tool.importlinter.contracts]]\n'
                 'name = "Chandlery layers"\ntype = "layers"\nlayers = ["tallowworks.chandlers", "tallowworks.moulds", '
                 '"tallowworks.dips", "tallowworks.wicks"]\n\n[[tool.importlinter.contracts]]\n'
                 'name = "Rendering pans stay apart"\ntype = "forbidden"\nsource_modules = ["tallowworks.rendering"]\n'
                 'forbidden_modules = ["tallowworks.chandlers", "tallowworks.moulds"]\n\n[[tool.importlinter.contracts]]\n'
                 'name = "Vats are independent"\ntype = "independence"\nmodules = ["tallowworks.dips", '
                 '"tallowworks.rendering"]\n')
        if "vats" in faults:
            tool += ('\n[[tool.importlinter.contracts]]\nname = "Vats never reach the chandlers"\ntype = "forbidden"\n'
                     'source_modules = ["tallowworks.vats"]\nforbidden_modules = ["tallowworks.chandlers"]\n')
    if backend == "hatchling" and "hatchbad" in faults:
        tool += ('\n[tool.hatch.version]\npath = "src/tallowworks/__about__.py"\n'
                 '\n[tool.hatch.build.targets.wheel]\npackages = ["src/tallowworks"]\n')
    elif backend == "hatchling":
        tool += '\n[tool.hatch.build.targets.wheel]\npackages = ["src/tallowworks"]\n'
        if "sdistdiff" in faults:
            tool += '\n[tool.hatch.build.targets.sdist]\nexclude = ["/tests", "/docs", "tox.ini"]\n'
    return bs + "\n" + proj + tool


def tach_toml(units: list[str]) -> str:
    dep = {"wicks": [], "dips": ["tallowworks.wicks"], "moulds": ["tallowworks.dips"], "rendering": [],
           "chandlers": ["tallowworks.moulds", "tallowworks.dips", "tallowworks.wicks"]}
    s = 'source_roots = ["src"]\nexact = true\n'
    for u in units:
        if u.startswith("vat"):
            continue
        d = ", ".join(f'"{x}"' for x in dep.get(u, []))
        s += f'\n[[modules]]\npath = "tallowworks.{u}"\ndepends_on = [{d}]\n'
    if any(u.startswith("vat") for u in units):
        s += '\n[[modules]]\npath = "tallowworks.vats"\ndepends_on = ["tallowworks.rendering"]\n'
    s += '\n[[modules]]\npath = "tallowworks.records"\ndepends_on = []\n'
    return s


def project(root: Path, vats: int, faults: set, backend: str = "hatchling", git: bool = False,
            deps: list[str] | None = None) -> Path:
    units = BASE + [f"vat{i:02d}" for i in range(vats)]
    deps = deps if deps is not None else ["requests>=2.28", "click>=8.1", "attrs>=23.1"]
    files = {"pyproject.toml": pyproject("tallowworks", faults, backend, deps),
             "README.rst": (readme_big(vats) if "bigreadme" in faults else README_BAD) if "readme" in faults
             else README_OK,
             "LICENSE": "MIT License\n\nCopyright (c) 2026 Hester Dipping\n",
             "src/tallowworks/__init__.py": '"""tallowworks: a tallow chandler\'s bench."""\n__version__ = "0.8.20"\n',
             "src/tallowworks/records.py": RECORDS, "tests/test_dips.py": "from tallowworks.dips import dip\n\n\n"
             "def test_dip():\n    assert dip(10, 10) == 1.0\n", "tox.ini": "[tox]\nenv_list = py311\n",
             "docs/index.rst": "tallowworks\n===========\n", "tach.toml": tach_toml(units),
             "requirements.txt": "requests>=2.28\nclick>=8.1\nattrs>=23.1\ntwine\n",
             "requirements-all.txt": REQ_ALL}
    for k, u in enumerate(units, 2):
        rel = f"src/tallowworks/vats/{u}.py" if u.startswith("vat") else f"src/tallowworks/{u}.py"
        files[rel] = unit_py(u, k, faults, units)
    if vats:
        files["src/tallowworks/vats/__init__.py"] = ""
    if backend == "setuptools":
        files["MANIFEST.in"] = "include README.rst\nprune docs\nexclude tox.ini\nrecursive-include src *.txt\n"
        files["setup.cfg"] = "[options.packages.find]\nwhere = src\n"
        if "legacy" in faults:
            del files["pyproject.toml"]
            files["setup.py"] = ("from setuptools import setup, find_packages\n\nsetup(\n    name='tallowworks',\n"
                                 "    version='0.8.20',\n    packages=find_packages('src'),\n    package_dir={'': 'src'},\n"
                                 "    long_description=open('README.rst').read(),\n"
                                 "    long_description_content_type='text/x-rst',\n)\n")
            files["setup.cfg"] = ""
        if "wheeljunk" in faults:
            files["setup.cfg"] = ("[options]\npackage_dir =\n    =src\npackages = find:\ninclude_package_data = True\n\n"
                                  "[options.packages.find]\nwhere = src\n\n[options.package_data]\n* = *.pyc, *.txt\n")
            files["src/tests/__init__.py"] = ""
            files["src/tests/test_wicks.py"] = "def test_wick():\n    assert 1 + 1 == 2\n"
            files["src/tallowworks/data/prices.txt"] = "tallow,0.14\nbeeswax,0.61\n"
            files["src/tallowworks/data/prices_copy.txt"] = "tallow,0.14\nbeeswax,0.61\n"
    cm.write_tree(root, files)
    if "wheeljunk" in faults:
        cm.run("python3 -m compileall -q -b src/tallowworks", cwd=root)
    if git:
        cm.run("git init -q && git add -A && git commit -qm 'tallowworks 0.8.20'", cwd=root, env=ENV)
        if "untracked" in faults:
            cm.write_tree(root, {"src/tallowworks/_build_info.py": "BUILD = 'local'\n",
                                 "src/tallowworks/notes.txt": "render at 140F\n", "CHANGES.rst": "0.8.20\n------\n"})
    return root


# ================================================================== steps

def _c(item, cmd, cwd, ext, timeout=300, env=None):
    cap(item, cmd, TMP / cwd, ext, timeout=timeout, env={**ENV, **(env or {})})


PYP = {"PYTHONPATH": "src"}


def step_sdist(tmp: Path) -> None:
    project(tmp / "s-small", 0, {"sdistdiff", "untracked"}, "hatchling", git=True)
    project(tmp / "s-setup", 6, {"untracked"}, "setuptools", git=True)
    project(tmp / "s-big", 40, {"untracked"}, "setuptools", git=True)
    _c("check-sdist-hatch-small", "check-sdist -v; echo EXIT=$?", "s-small", n_check_sdist)
    _c("check-sdist-setuptools", "check-sdist --inject-junk; echo EXIT=$?", "s-setup", n_check_sdist)
    _c("check-sdist-big-verbose", "check-sdist -v; echo EXIT=$?", "s-big", n_check_sdist)
    _c("check-manifest-setup", "check-manifest -v 2>&1; echo EXIT=$?", "s-setup", N_CHECK_MANIFEST, timeout=400)
    _c("check-manifest-hatch", "check-manifest -v 2>&1; echo EXIT=$?", "s-small", N_CHECK_MANIFEST, timeout=400)


def step_deps(tmp: Path) -> None:
    project(tmp / "d-small", 0, {"deps"})
    project(tmp / "d-mid", 14, {"deps"})
    project(tmp / "d-big", 70, {"deps"})
    for tag in ("mid", "big"):
        _c(f"pip-missing-reqs-{tag}", "pip-missing-reqs --requirements-file requirements.txt src 2>&1; echo EXIT=$?",
           f"d-{tag}", n_missing_reqs)
    _c("pip-missing-reqs-pyproject", "pip-missing-reqs --requirements-file pyproject.toml -v src 2>&1; echo EXIT=$?",
       "d-mid", n_missing_reqs)
    _c("pip-extra-reqs-all", "pip-extra-reqs --requirements-file requirements-all.txt src 2>&1; echo EXIT=$?",
       "d-small", n_extra_reqs)
    _c("pip-extra-reqs-all-verbose", "pip-extra-reqs -v --requirements-file requirements-all.txt src 2>&1; "
       "echo EXIT=$?", "d-big", n_extra_reqs)
    _c("creosote-small-verbose", f"creosote -p src -v {SITE} --verbose 2>&1; echo EXIT=$?", "d-small", n_creosote)
    _c("creosote-requirements-all", f"creosote -p src -d requirements-all.txt -v {SITE} -f no-color 2>&1; "
       "echo EXIT=$?", "d-mid", n_creosote)
    _c("creosote-big-verbose", f"creosote -p src -v {SITE} --verbose -f no-color 2>&1; echo EXIT=$?", "d-big",
       n_creosote)
    _c("deptry-mid", "deptry src 2>&1; echo EXIT=$?", "d-mid", N_DEPTRY, timeout=120)
    _c("deptry-big", "deptry . 2>&1; echo EXIT=$?", "d-big", N_DEPTRY, timeout=120)


def step_arch(tmp: Path) -> None:
    project(tmp / "a-small", 0, {"deps", "contracts"})
    project(tmp / "a-big", 30, {"deps", "contracts", "vats"})
    _c("tach-check-big", "tach check 2>&1; echo EXIT=$?", "a-big", n_tach_check)
    _c("tach-check-deps-70-vats", "tach check --dependencies --exclude tests 2>&1; echo EXIT=$?", "d-big",
       n_tach_check)
    _c("tach-check-external-small", "tach check-external 2>&1; echo EXIT=$?", "a-small", n_tach_ext)
    _c("tach-check-external-big", "tach check-external 2>&1; echo EXIT=$?", "a-big", n_tach_ext)
    _c("lint-imports-small", "lint-imports 2>&1; echo EXIT=$?", "a-small", N_LINT_IMPORTS, env=PYP)
    _c("lint-imports-big-verbose", "lint-imports --verbose 2>&1; echo EXIT=$?", "a-big", N_LINT_IMPORTS, env=PYP)
    _c("slotscheck-records", "slotscheck -v -m tallowworks.records 2>&1; echo EXIT=$?", "a-small", N_SLOTSCHECK,
       env=PYP)
    _c("slotscheck-package", "slotscheck -m tallowworks --require-superclass 2>&1; echo EXIT=$?", "a-big",
       N_SLOTSCHECK, env=PYP)


def step_meta(tmp: Path) -> None:
    project(tmp / "m-bad", 0, {"badmeta", "readme"})
    project(tmp / "m-ok", 4, {"readme"})
    project(tmp / "m-legacy", 2, {"legacy", "readme"}, "setuptools")
    project(tmp / "m-hatchbad", 3, {"hatchbad"})
    project(tmp / "m-legacy-big", 24, {"legacy", "readme", "bigreadme"}, "setuptools")
    project(tmp / "m-junk", 5, {"wheeljunk"}, "setuptools")
    _c("validate-pyproject-bad", "validate-pyproject pyproject.toml; echo EXIT=$?", "m-bad", N_VALIDATE_PYPROJECT)
    _c("pyproject-parser-check-bad", "pyproject-parser check -T pyproject.toml 2>&1; echo EXIT=$?", "m-bad",
       n_pp_check)
    cm.run("sed -i 's/^version = 0.8$/version = \"0.8\"/; s/^description = .*/description = \"a chandlery\"/' "
           "pyproject.toml && cp pyproject.toml pyproject-v2.toml", cwd=tmp / "m-bad")
    _c("pyproject-parser-check-authors", "pyproject-parser check -T pyproject-v2.toml 2>&1; echo EXIT=$?", "m-bad",
       n_pp_check)
    cm.run("git checkout -q pyproject.toml 2>/dev/null; sed -i 's/^version = \"0.8\"$/version = 0.8/' pyproject.toml",
           cwd=tmp / "m-bad")
    cm.run("sed -i 's/^version = \"0.8.20\"/version = \"0.8.20\"\\nversion = \"0.9\"/' pyproject.toml", cwd=tmp / "m-ok")
    _c("pyproject-parser-check-dupkey", "pyproject-parser check -T pyproject.toml 2>&1; echo EXIT=$?", "m-ok",
       n_pp_check)
    cm.run("sed -i '0,/^version = \"0.9\"$/{/^version = \"0.9\"$/d}' pyproject.toml", cwd=tmp / "m-ok")
    _c("pyroma-ok", "pyroma . 2>&1; echo EXIT=$?", "m-ok", N_PYROMA, timeout=300)
    _c("pyroma-legacy", "pyroma -n 10 . 2>&1; echo EXIT=$?", "m-legacy", N_PYROMA, timeout=300)
    _c("setup-py-check-big-readme", f"{VENV}/bin/python setup.py check -m -r -s 2>&1; echo EXIT=$?", "m-legacy-big",
       n_setup_check)
    _c("setup-py-check-restructuredtext", f"{VENV}/bin/python setup.py check -r -s 2>&1; echo EXIT=$?", "m-legacy",
       n_setup_check)
    _c("hatch-build-ok-verbose", "hatch -v build 2>&1; echo EXIT=$?", "m-ok", n_hatch_build, timeout=400)
    _c("hatch-build-bad-version", "hatch build -t wheel 2>&1; echo EXIT=$?", "m-hatchbad", n_hatch_build, timeout=400)
    _c("hatch-build-bad-meta", "hatch build 2>&1; echo EXIT=$?", "m-bad", n_hatch_build, timeout=400)
    _c("twine-check-ok-readme", "twine check dist/* 2>&1; echo EXIT=$?", "m-ok", N_TWINE_CHECK)
    cap("pyproject-build-junk", f"{VENV}/bin/python -m build --wheel 2>&1; echo EXIT=$?", TMP / "m-junk", n_build,
        timeout=400, env=ENV, typed="python -m build --wheel 2>&1; echo EXIT=$?")
    cap("pyproject-build-bad-meta", f"{VENV}/bin/python -m build --sdist 2>&1; echo EXIT=$?", TMP / "m-bad", n_build,
        timeout=400, env=ENV, typed="python -m build --sdist 2>&1; echo EXIT=$?")
    _c("check-wheel-contents-junk", "check-wheel-contents dist/ 2>&1; echo EXIT=$?", "m-junk", n_cwc)
    _c("check-wheel-contents-ok", "check-wheel-contents m-ok/dist/*.whl m-junk/dist/*.whl 2>&1; echo EXIT=$?", "",
       n_cwc)


def step_review(tmp: Path) -> None:
    for d in ("m-ok", "a-big", "m-legacy"):
        if not (tmp / d).exists():
            return
    _c("repo-review-ok", "repo-review . 2>&1; echo EXIT=$?", "m-ok", n_repo_review)
    _c("repo-review-legacy-err", "repo-review --show err . 2>&1; echo EXIT=$?", "m-legacy", n_repo_review)
    _c("repo-review-json-ok", "repo-review --format json . 2>/dev/null | python3 -m json.tool", "m-ok",
       n_repo_review_json)
    _c("repo-review-json-big", "repo-review --format json --show errskip . 2>/dev/null | python3 -m json.tool",
       "a-big", n_repo_review_json)


def step_env(tmp: Path) -> None:
    v = tmp / "envc"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q requests==2.32.3 twine==7.0.0 && "
           f"{v}/bin/pip install -q --no-deps urllib3==1.26.0 packaging==20.9 requests-toolbelt==0.9.0 "
           f"keyring==10.0 docutils==0.14 "
           f"&& {v}/bin/pip install -q --no-deps {tmp}/m-ok/dist/*.whl", env=ENV, timeout=400)
    cap("pip-check-conflicts", f"{v}/bin/pip check; echo EXIT=$?", tmp, n_pip_check, env=ENV,
        typed="pip check; echo EXIT=$?")
    cap("pip-resolution-impossible", f"{v}/bin/pip install --dry-run requests==2.32.3 'urllib3<1.21' 2>&1; "
        "echo EXIT=$?", tmp, n_pip_conflict, env=ENV, timeout=300,
        typed="pip install --dry-run requests==2.32.3 'urllib3<1.21' 2>&1; echo EXIT=$?")
    cap("pip-resolution-impossible-twine", f"{v}/bin/pip install --dry-run twine==7.0.0 'packaging<22' "
        "'readme-renderer<35' 2>&1; echo EXIT=$?", tmp, n_pip_conflict, env=ENV, timeout=300,
        typed="pip install --dry-run twine==7.0.0 'packaging<22' 'readme-renderer<35' 2>&1; echo EXIT=$?")


STEPS = [step_sdist, step_deps, step_arch, step_meta, step_review, step_env]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide820", sys.modules["__main__"])
    main()
