#!/usr/bin/env python3
"""Corpus round 781: Python packaging, resolution and build tools in forms the corpus lacks (uv lock's resolution
failure and dry run, uv sync --dry-run, uv tree --outdated / --invert, uv pip tree, uv pip show, uv pip list's JSON,
uv export to pylock.toml and CycloneDX, pip lock) beside kinds it has (pip's resolver conflict, pip check,
python -m build, twine check, check-wheel-contents, uv tree, uv pip compile's conflict), on a brickworks: local
packages with pyproject.toml files (clamps, kilns, moulders, hacks, pugmills, a brickyard app) depending on each other
and on real PyPI packages, with faults put in (conflicting pins, a missing readme, bad metadata, a wheel that leaves
out a module, venvs with missing or mismatched requirements).

Tools (PyPI, in a Python 3.11 venv under /dev/shm/hm-corpus-wide781): uv 0.13.9, pip 26.3, build, twine,
check-wheel-contents (versions in NEEDLES.md's notes). Packages resolve against the real PyPI.

Usage: .venv/bin/python scripts/corpus/capture_wide781.py [--out PATH]
Needle rules: NEEDLES.md's "Round 781" section. Never runs the compressor.
Writes: scripts/corpus/data/wide781.json, ids prefixed "wide781-"
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_wide import n_pip_conflict  # noqa: E402,F401
from capture_wide2 import n_pip_check  # noqa: E402,F401
from capture_wide53_build import n_python_build  # noqa: E402,F401
from capture_wide24_py import N_TWINE_CHECK  # noqa: E402,F401
from capture_wide108_pkg import n_cwc  # noqa: E402,F401
from capture_wide10_tools import n_uv_tree  # noqa: E402,F401
from capture_wide294 import n_uv_compile_conflict  # noqa: E402,F401
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide781-"
DEFAULT_OUT = HERE / "data" / "wide781.json"
TOOLS = Path("/dev/shm/hm-corpus-wide781")
TMP = Path("/dev/shm/hm-corpus-wide781-run")
SEED = 78110
VBIN = TOOLS / "venv" / "bin"
UV = VBIN / "uv"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
ENV = {"UV_CACHE_DIR": str(TOOLS / "uvcache"), "UV_NO_PROGRESS": "1", "UV_PYTHON": "3.11",
       "UV_PYTHON_DOWNLOADS": "never", "PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None,
       "PIP_CACHE_DIR": str(TOOLS / "pipcache"), "PATH": f"{VBIN}:{os.environ['PATH']}", "VIRTUAL_ENV": None}
OWN = ("brick-clamp", "brick_clamp", "kiln-log", "kiln_log", "moulder", "hack-rack", "hack_rack", "pugmill",
       "brickyard", "stock-brick", "stock_brick", "frog-mould", "frog_mould")


def _own(ln: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", ln) for o in OWN)


def _shape(s: str) -> str:
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\S+/\S+", "Q", s))


def _diag(lines):
    """rule 1 lines uv prints: error:/×/cause:/Caused by:/hint: and the lines continuing them"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(error:|×|cause:|Caused by:|hint:|[├╰]─▶)", ln) or re.match(r"^\s+\d+: ", ln):
            out.append(ln)
            for x in lines[i + 1:i + 8]:  # continuation lines (indented, not a new diagnostic)
                if x.strip() and re.match(r"^\s{4,}\S", x) and not re.match(r"^\s*(error:|×|cause:|hint:|[├╰]─▶)", x):
                    if re.search(r"[A-Za-z]{2}", x):  # a caret or bar line alone names nothing
                        out.append(x)
                else:
                    break
    return out


def _warn(lines):
    return groups((_shape(ln), ln) for ln in lines if re.match(r"^\s*(warning|WARNING):", ln))


# ------------------------------------------------------------------ new kinds

@kind("uv-lock-conflict", "pkg")
def n_uv_lock_conflict(lines):
    """rules 1+3: every error:/× line, every conflict explanation line (Because/And because/depends on/we can conclude), every hint: and Caused by: line"""
    out = _diag(lines)
    out += [ln for ln in lines if re.search(r"\b(Because|And because|we can conclude|depends on|are incompatible|"
                                            r"unsatisfiable)\b", ln) and not ln.startswith("DEBUG")]
    out += [ln for ln in lines if re.match(r"^\s*[\w.]*(Error|Exception): ", ln)]  # a build backend's exception
    return out + _warn(lines)


@kind("uv-lock-dry-run", "pkg")
def n_uv_lock_dry(lines):
    """rules 3+5: the Resolved line, every Add/Update/Remove/Would line; error lines, warnings one {"any"} per shape"""
    out = [ln for ln in lines if re.match(r"^\s*(Resolved \d+|Add |Update |Remove |Would |Updated |Added |Removed )", ln)]
    return out + _diag(lines) + _warn(lines)


def _direct(root: Path) -> set[str]:
    """the direct requirements' names of a project (its pyproject's dependencies), normalised"""
    names = set()
    pp = (root / "pyproject.toml").read_text()
    m = re.search(r"^dependencies = \[(.*?)\]", pp, re.S | re.M)
    for d in re.findall(r'"([A-Za-z0-9_.-]+)', m.group(1) if m else ""):
        names.add(re.sub(r"[-_.]+", "-", d).lower())
    return names


DIRECT: set[str] = set()


def _direct_ln(ln: str) -> bool:
    m = re.search(r"([A-Za-z0-9][A-Za-z0-9_.-]*)(==| v\d| = \")", ln)
    return bool(m) and re.sub(r"[-_.]+", "-", m.group(1)).lower() in DIRECT


@kind("uv-sync-dry-run", "pkg")
def n_uv_sync_dry(lines):
    """rules 3+5: every Would line, the Resolved / lockfile line, every +/-/~ line of a direct requirement or an own package; errors"""
    out = [ln for ln in lines if re.match(r"^\s*(Would |Resolved \d+|Found up-to-date|Audited|Checked)", ln)]
    out += [ln for ln in lines if re.match(r"^\s*[-+~] ", ln) and (_own(ln) or _direct_ln(ln))]
    return out + _diag(lines) + _warn(lines)


@kind("uv-tree-outdated", "pkg")
def n_uv_tree_outdated(lines):
    """rule 5: the project's first line, every direct requirement line (one level under a root), every (latest: v…) line"""
    out = [ln for ln in lines[:3] if re.match(r"^[\w.-]+ v", ln)]
    out += [ln for ln in lines if re.match(r"^[\w.-]+ v", ln) and _own(ln)]
    out += [ln for ln in lines if re.match(r"^[├└]── \S+ v", ln) or "(latest: v" in ln]
    return out + _diag(lines) + _warn(lines)


@kind("uv-tree-invert", "pkg")
def n_uv_tree_invert(lines):
    """rule 5: every root line (column 0, a package and its version), every line naming an own package"""
    out = [ln for ln in lines if re.match(r"^[\w.-]+ v\S+", ln)]
    out += [ln for ln in lines if _own(ln)]
    return out + _diag(lines) + _warn(lines)


@kind("uv-pip-tree", "pkg")
def n_uv_pip_tree(lines):
    """rule 5: every root line (column 0); rule 1: every warning:/error: line"""
    out = [ln for ln in lines if re.match(r"^[\w.-]+ v\S+", ln)]
    return out + [ln for ln in lines if re.match(r"^\s*(warning|error):", ln)] + _diag(lines)


@kind("uv-pip-show", "pkg")
def n_uv_pip_show(lines):
    """rule 5: every Name/Version/Requires/Required-by line, Location/Editable lines of own packages; warning lines"""
    out = []
    name = ""
    for ln in lines:
        if ln.startswith("Name: "):
            name = ln[6:]
        if re.match(r"^(Name|Version|Requires|Required-by): ", ln):
            out.append(ln)
        elif re.match(r"^(Location|Editable project location): ", ln) and _own("x " + name):
            out.append(ln)
        elif re.match(r"^\s*(warning|error):", ln):
            out.append(ln)
    return out


@kind("uv-pip-list-json", "json")
def n_uv_pip_list_json(lines):
    """rule 4/5: every "name" line with the "version" line after it for own packages, every "editable_project_location" line; warnings"""
    out = []
    for i, ln in enumerate(lines):
        m = re.match(r'^\s*"name": "([^"]+)"', ln)
        if m:
            out.append(ln)
            if _own("x " + m.group(1)) and i + 1 < len(lines) and '"version"' in lines[i + 1]:
                out.append(lines[i + 1])
        elif '"editable_project_location"' in ln:
            out.append(ln)
    return out + [ln for ln in lines if re.match(r"^\s*(warning|error):", ln)]


def _pylock(lines, with_path=True):
    out = [ln for ln in lines if re.match(r"^(lock-version|created-by|requires-python) = ", ln)]
    for i, ln in enumerate(lines):
        m = re.match(r'^name = "([^"]+)"', ln)
        if m and (_own("x " + m.group(1)) or re.sub(r"[-_.]+", "-", m.group(1)).lower() in DIRECT):
            out.append(ln)
            for x in lines[i + 1:i + 6]:
                if x.startswith("[[") or x.startswith("name = "):
                    break
                if x.startswith("version = ") or (with_path and re.match(r"^(directory|path) = ", x)):
                    out.append(x)
                    if x.startswith("version = "):
                        pass
            for x in lines[i + 1:i + 12]:
                if re.match(r"^(directory|path) = |^\[packages\.directory\]|^packages\.directory", x):
                    out.append(x)
                    break
    return out


@kind("uv-export-pylock", "pkg")
def n_uv_pylock(lines):
    """rule 5: lock-version/created-by/requires-python lines; per package of a direct requirement or own package its name and version (and directory) lines"""
    return _pylock(lines) + _diag(lines) + _warn(lines)


@kind("uv-export-cyclonedx", "json")
def n_uv_cdx(lines):
    """rule 5: "bomFormat", "specVersion", the metadata component's "name" line, every "purl" line of a direct requirement or own package"""
    out = [ln for ln in lines if re.match(r'^\s*"(bomFormat|specVersion)"', ln)]
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"component": \{', ln):  # the metadata's component: the project
            out += [x for x in lines[i:i + 8] if re.match(r'^\s*"name": ', x)][:1]
            break
    for ln in lines:
        m = re.search(r'"purl": "pkg:pypi/([^@"]+)', ln)
        if m and (_own("x " + m.group(1)) or re.sub(r"[-_.]+", "-", m.group(1)).lower() in DIRECT):
            out.append(ln)
    return out + [ln for ln in lines if re.match(r"^\s*(warning|error):", ln)]


@kind("pip-lock", "pkg")
def n_pip_lock(lines):
    """rules 1+5: every WARNING:/ERROR: line and conflict lines (as pip-resolver-conflict); lock-version/created-by; per direct requirement its name and version lines"""
    out = [ln for ln in lines if re.match(r"^(WARNING|ERROR):", ln)] + n_pip_conflict(lines)
    out += [ln for ln in lines if re.match(r"^(lock-version|created-by) = ", ln)]
    return out + _pylock(lines, with_path=False)


# ------------------------------------------------------------------ the brickworks

README = "# {name}\n\nPart of the brickworks: {what}.\n"
CODE = '''"""{name}: {what}."""
from __future__ import annotations

__version__ = "{version}"


def {fn}(batch: int, course: int = 9) -> float:
    """{what} for a batch of green bricks."""
    if batch <= 0:
        raise ValueError("empty {noun} batch")
    return round(batch * 1.0 / course, 3)
'''


def package(root: Path, name: str, version: str, deps: list[str], *, readme: bool = True, sources: dict | None = None,
            extra: str = "", what: str = "clamp firing", backend: str = "hatchling", classifiers=(),
            rp: str = ">=3.10", skip_readme_file: bool = False, mods=("core",), lic: str = "MIT") -> Path:
    d = root / name
    mod = name.replace("-", "_")
    (d / "src" / mod).mkdir(parents=True, exist_ok=True)
    (d / "src" / mod / "__init__.py").write_text(CODE.format(name=name, what=what, version=version,
                                                            fn=mod.split("_")[-1] + "_rate", noun=mod))
    for m in mods:
        (d / "src" / mod / f"{m}.py").write_text(f"from . import __version__\n\nKIND = {m!r}\n")
    if readme and not skip_readme_file:
        (d / "README.md").write_text(README.format(name=name, what=what))
    bs = ('[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n' if backend == "hatchling"
          else '[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n')
    cls = "".join(f'    "{c}",\n' for c in classifiers)
    dep = "".join(f'    "{x}",\n' for x in deps)
    txt = (f'{bs}\n[project]\nname = "{name}"\nversion = "{version}"\ndescription = "{what}"\n'
           + ('readme = "README.md"\n' if readme else "")
           + f'requires-python = "{rp}"\nlicense = "{lic}"\nauthors = [{{name = "Brickworks", email = "works@brick.example"}}]\n'
           + f"classifiers = [\n{cls}]\ndependencies = [\n{dep}]\n" + extra)
    if sources:
        txt += "\n[tool.uv.sources]\n" + "".join(f'{k} = {{ path = "{v}", editable = true }}\n' for k, v in sources.items())
    (d / "pyproject.toml").write_text(txt)
    return d


def brickworks(rng: random.Random) -> Path:
    root = TMP / "brickworks"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    package(root, "brick-clamp", "2.3.1", ["click>=8.1", "attrs>=23.1", "rich>=13"], what="clamp firing schedules",
            classifiers=["Programming Language :: Python :: 3", "Topic :: Utilities"])
    package(root, "kiln-log", "1.4.0", ["python-dateutil>=2.8", "rich>=12", "packaging>=23"], what="kiln temperature logs",
            mods=("core", "zones", "cones"))
    package(root, "moulder", "0.9.2", ["attrs>=22", "pydantic>=2.4", "typing-extensions>=4.8"],
            what="hand moulding tables", mods=("core", "frogs", "sanding"))
    package(root, "hack-rack", "3.0.0", ["pydantic>=2", "tomli>=2.0; python_version < '3.11'", "pluggy>=1.3"],
            what="drying hack racks")
    package(root, "pugmill", "1.1.0", ["flask>=3.0", "jinja2>=3.1", "itsdangerous>=2.1"], what="pugmill control panel")
    yard_deps = ["brick-clamp", "kiln-log", "moulder", "hack-rack", "pugmill", "requests>=2.31", "httpx>=0.25",
                 "jinja2>=3.1", "platformdirs>=3", "tabulate>=0.9", "python-dateutil>=2.8"]
    srcs = {n: f"../{n}" for n in ["brick-clamp", "kiln-log", "moulder", "hack-rack", "pugmill"]}
    package(root, "brickyard", "4.2.0", yard_deps, sources=srcs, what="the brickyard's order book",
            extra='\n[dependency-groups]\ndev = ["pytest>=8", "ruff>=0.4"]\n')
    return root


def variants(root: Path) -> dict[str, Path]:
    """conflicting and broken copies of the brickyard, one directory each"""
    out = {}
    srcs = {n: f"../{n}" for n in ["brick-clamp", "kiln-log", "moulder", "hack-rack", "pugmill"]}
    base = ["brick-clamp", "kiln-log", "moulder", "hack-rack", "pugmill", "httpx>=0.25", "tabulate>=0.9"]
    # 1: requests pinned against urllib3
    out["urllib3"] = package(root, "yard-urllib3", "4.2.1", base + ["requests==2.31.0", "urllib3<1.21"], sources=srcs,
                             what="the brickyard with an old urllib3 pin")
    # 2: a local kiln package pins werkzeug against flask
    package(root, "kiln-log-old", "1.3.0", ["werkzeug==2.0.3", "python-dateutil>=2.8"], what="old kiln logs")
    (root / "kiln-log-old" / "pyproject.toml").write_text(
        (root / "kiln-log-old" / "pyproject.toml").read_text().replace('name = "kiln-log-old"', 'name = "kiln-log"')
        + '\n[tool.hatch.build.targets.wheel]\npackages = ["src/kiln_log_old"]\n')
    s2 = dict(srcs, **{"kiln-log": "../kiln-log-old"})
    out["werkzeug"] = package(root, "yard-werkzeug", "4.2.2", base + ["flask==3.0.0"], sources=s2,
                              what="the brickyard with the old kiln log")
    # 3: two local packages pin click both ways
    package(root, "frog-mould", "0.4.0", ["click<8", "attrs>=21"], what="frog moulds")
    out["click"] = package(root, "yard-click", "4.2.3", base + ["frog-mould"],
                           sources=dict(srcs, **{"frog-mould": "../frog-mould"}), what="the brickyard with frog moulds")
    # 4: pydantic v1 pin against moulder and hack-rack's pydantic>=2, and rich against kiln-log
    out["pydantic"] = package(root, "yard-pydantic", "4.2.4", base + ["pydantic<2", "rich<12", "packaging<22"],
                              sources=srcs, what="the brickyard on pydantic 1")
    # 5: a local package whose requires-python excludes the project's
    package(root, "stock-brick", "5.0.0", ["attrs>=23"], rp=">=3.13", what="stock brick sizes")
    out["python"] = package(root, "yard-python", "4.2.5", base + ["stock-brick"],
                            sources=dict(srcs, **{"stock-brick": "../stock-brick"}), what="the brickyard with stock bricks")
    # 6: several conflicts at once (requests/idna/charset-normalizer/certifi)
    out["many"] = package(root, "yard-many", "4.2.6", base + ["requests==2.32.3", "idna<2.5", "charset-normalizer<2",
                                                              "certifi<2017.4.17"], sources=srcs,
                          what="the brickyard with many old pins")
    # broken builds
    out["noreadme"] = package(root, "hack-rack-nr", "3.0.1", ["pydantic>=2"], skip_readme_file=True, what="racks")
    out["badver"] = package(root, "clamp-badver", "2.4.0", ["click>=8"], what="clamps")
    p = out["badver"] / "pyproject.toml"
    p.write_text(p.read_text().replace('version = "2.4.0"', 'version = "2.4.0-clamp.rc!1"'))
    out["badcls"] = package(root, "kiln-badcls", "1.5.0", ["rich"], what="kilns",
                            classifiers=["Programming Language :: Python :: 3", "Topic :: Brickmaking :: Kilns",
                                         "License :: OSI Approved :: Brick License"], lic="MIT-Brick-1.0")
    return out


def venv(path: Path, reqs: str, breaks: list[str]) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    cm.run(f"{UV} venv --seed -q {path}", env=ENV, timeout=120)
    e = dict(ENV, VIRTUAL_ENV=str(path))
    r = cm.run(f"{UV} pip install -q {reqs}", env=e, timeout=400)
    if r.strip():
        cm.note(f"venv {path.name}: {r[-300:]}")
    for b in breaks:
        cm.run(f"{UV} pip {b}", env=e, timeout=200)
    return path


def uvcmd(cmd: str) -> str:
    return cmd.replace(str(UV), "uv")


def c(item_id, command, cwd, ext, env=None, timeout=400, typed=None):
    cap(item_id, command, cwd, ext, timeout=timeout, env=env or ENV, typed=typed or uvcmd(command))


def uv_lock_items(root: Path, var: dict[str, Path]):
    for key in ["urllib3", "werkzeug", "click", "pydantic", "python"]:
        c(f"uv-lock-conflict-{key}", f"{UV} lock 2>&1; echo EXIT=$?", var[key], n_uv_lock_conflict)
    c("uv-lock-conflict-many-v", f"{UV} lock -v 2>&1 | tail -n 120; echo EXIT=$?", var["many"], n_uv_lock_conflict)
    c("uv-lock-conflict-werkzeug-v", f"{UV} lock -v 2>&1 | grep -v 'DEBUG Adding transitive' | tail -n 80", var["werkzeug"],
      n_uv_lock_conflict)
    c("uv-lock-conflict-sync-noreadme", f"{UV} sync 2>&1; echo EXIT=$?", var["noreadme"], n_uv_lock_conflict)
    c("uv-lock-conflict-sync-badcls", f"{UV} sync 2>&1; echo EXIT=$?", var["badcls"], n_uv_lock_conflict)
    c("uv-lock-conflict-sync-badver", f"cd ../brickyard && {UV} add ../clamp-badver 2>&1; echo EXIT=$?", var["badver"],
      n_uv_lock_conflict)


def uv_dry(root: Path):
    yard = root / "brickyard"
    global DIRECT
    DIRECT = _direct(yard)
    # an old lock first (exclude-newer), then what an upgrade would do
    cm.run(f"{UV} lock --exclude-newer 2024-05-01 -q", cwd=yard, env=ENV, timeout=400)
    (yard / "uv.lock").rename(yard / "uv.lock.old")
    shutil.copy(yard / "uv.lock.old", yard / "uv.lock")
    c("uv-lock-dry-run-upgrade", f"{UV} lock --upgrade --dry-run 2>&1", yard, n_uv_lock_dry)
    c("uv-lock-dry-run-upgrade-pkg", f"{UV} lock --dry-run -P pydantic -P rich -P httpx -P requests 2>&1", yard,
      n_uv_lock_dry)
    c("uv-export-pylock-old", f"{UV} export --frozen --format pylock.toml --no-hashes --all-groups 2>&1", yard,
      n_uv_pylock)
    c("uv-export-cyclonedx-old", f"{UV} export --frozen --format cyclonedx1.5 --no-dev 2>&1", yard, n_uv_cdx)
    # then the new lock
    cm.run(f"{UV} lock -q", cwd=yard, env=ENV, timeout=400)
    c("uv-lock-dry-run-exclude", f"{UV} lock --dry-run --upgrade --exclude-newer 2025-01-01 2>&1", yard, n_uv_lock_dry)
    c("uv-sync-dry-run-new", f"{UV} sync --dry-run 2>&1", yard, n_uv_sync_dry)
    cm.run(f"{UV} sync -q --no-dev", cwd=yard, env=ENV, timeout=400)
    c("uv-sync-dry-run-dev", f"{UV} sync --dry-run --all-groups --upgrade 2>&1", yard, n_uv_sync_dry)
    c("uv-tree-outdated-nodedupe", f"{UV} tree --outdated --no-dedupe --no-dev 2>&1", yard, n_uv_tree_outdated)
    c("uv-tree-outdated-dev", f"{UV} tree --outdated --all-groups 2>&1", yard, n_uv_tree_outdated)
    c("uv-tree-invert", f"{UV} tree --invert 2>&1", yard, n_uv_tree_invert)
    c("uv-tree-invert-pkgs", f"{UV} tree --invert --package typing-extensions --package idna --package markupsafe 2>&1",
      yard, n_uv_tree_invert)
    c("uv-tree-invert-depth", f"{UV} tree --invert --depth 2 --no-dedupe 2>&1", yard, n_uv_tree_invert)
    c("uv-tree-yard", f"{UV} tree 2>&1", yard, n_uv_tree)
    c("uv-export-pylock", f"{UV} export --format pylock.toml 2>&1", yard, n_uv_pylock)
    c("uv-export-cyclonedx-all", f"{UV} export --format cyclonedx1.5 --all-groups --preview 2>&1", yard, n_uv_cdx)


def venvs(root: Path):
    global DIRECT
    DIRECT = _direct(root / "brickyard")
    v1 = venv(TMP / "venv-yard", f"-e {root}/brick-clamp -e {root}/kiln-log {root}/moulder {root}/hack-rack "
              "requests==2.32.3 rich flask tabulate",
              ["uninstall -q urllib3 markupsafe", "install -q --no-deps click==7.1.2 attrs==21.4.0"])
    e1 = dict(ENV, VIRTUAL_ENV=str(v1))
    c("uv-pip-tree-broken", f"{UV} pip tree --python {v1}/bin/python 2>&1", TMP, n_uv_pip_tree, env=e1)
    c("uv-pip-tree-invert", f"{UV} pip tree --python {v1}/bin/python --invert 2>&1", TMP, n_uv_pip_tree, env=e1)
    c("uv-pip-show", f"{UV} pip show --python {v1}/bin/python brick-clamp kiln-log moulder hack-rack rich click "
      "requests pugmill 2>&1", TMP, n_uv_pip_show, env=e1)
    c("uv-pip-show-files", f"{UV} pip show --files --python {v1}/bin/python kiln-log moulder 2>&1", TMP, n_uv_pip_show,
      env=e1)
    c("uv-pip-list-json", f"{UV} pip list --python {v1}/bin/python --format json 2>/dev/null | python3 -m json.tool", TMP,
      n_uv_pip_list_json, env=e1)
    c("pip-check-yard", f"{v1}/bin/python -m pip check; echo EXIT=$?", TMP, n_pip_check, env=e1,
      typed="python -m pip check; echo EXIT=$?")
    v2 = venv(TMP / "venv-kiln", f"-e {root}/kiln-log -e {root}/pugmill httpx pytest pydantic",
              ["uninstall -q jinja2 certifi idna h11 pluggy", "install -q --no-deps werkzeug==2.0.3 'pydantic-core==2.10.1'"])
    e2 = dict(ENV, VIRTUAL_ENV=str(v2))
    c("uv-pip-tree-kiln", f"{UV} pip tree --python {v2}/bin/python --show-version-specifiers 2>&1", TMP, n_uv_pip_tree,
      env=e2)
    c("uv-pip-show-kiln", f"{UV} pip show --python {v2}/bin/python kiln-log pugmill flask httpx pydantic werkzeug "
      "hack-rack 2>&1", TMP, n_uv_pip_show, env=e2)
    c("uv-pip-list-json-kiln", f"{UV} pip list --python {v2}/bin/python --format json -e 2>/dev/null | python3 -m json.tool; "
      f"{UV} pip list --python {v2}/bin/python --format json 2>/dev/null | python3 -m json.tool", TMP, n_uv_pip_list_json,
      env=e2)
    c("pip-check-kiln", f"{v2}/bin/python -m pip check; echo EXIT=$?", TMP, n_pip_check, env=e2,
      typed="python -m pip check; echo EXIT=$?")


def pip_items(root: Path, var: dict[str, Path]):
    global DIRECT
    pip = f"{VBIN}/pip"
    DIRECT = {"requests", "rich", "click", "pydantic", "flask", "attrs"}
    c("pip-lock-reqs", f"{pip} lock -o - requests==2.32.3 rich click pydantic flask attrs 2>&1", TMP, n_pip_lock,
      typed="pip lock -o - requests==2.32.3 rich click pydantic flask attrs 2>&1")
    DIRECT = {"brick-clamp", "kiln-log", "click", "attrs", "rich", "python-dateutil", "packaging"}
    c("pip-lock-local", f"{pip} lock -o - ./brick-clamp ./kiln-log 2>&1", root, n_pip_lock,
      typed="pip lock -o - ./brick-clamp ./kiln-log 2>&1")
    DIRECT = {"requests", "urllib3", "flask", "werkzeug"}
    c("pip-lock-conflict", f"{pip} lock -o - requests==2.31.0 'urllib3<1.21' flask==3.0.0 werkzeug==2.0.3 2>&1; "
      "echo EXIT=$?", TMP, n_pip_lock,
      typed="pip lock -o - requests==2.31.0 'urllib3<1.21' flask==3.0.0 werkzeug==2.0.3 2>&1; echo EXIT=$?")
    c("pip-resolver-conflict-yard", f"{pip} install --dry-run ./frog-mould ./brick-clamp 2>&1; echo EXIT=$?", root,
      n_pip_conflict, typed="pip install --dry-run ./frog-mould ./brick-clamp 2>&1; echo EXIT=$?")
    c("pip-resolver-conflict-kiln", f"{pip} install --dry-run ./kiln-log-old flask==3.0.0 'idna<2.5' requests==2.32.3 "
      "2>&1; echo EXIT=$?", root, n_pip_conflict,
      typed="pip install --dry-run ./kiln-log-old flask==3.0.0 'idna<2.5' requests==2.32.3 2>&1; echo EXIT=$?")
    req = TMP / "compile"
    req.mkdir(exist_ok=True)
    (req / "requirements.in").write_text("-e ../brickworks/brick-clamp\n-e ../brickworks/frog-mould\nrequests==2.31.0\n"
                                         "urllib3<1.21\npydantic<2\n-e ../brickworks/moulder\n")
    c("uv-pip-compile-conflict-yard", f"{UV} pip compile requirements.in; echo EXIT=$?", req, n_uv_compile_conflict)


def build_items(root: Path, var: dict[str, Path]):
    bld = f"{VBIN}/python -m build --installer uv"
    c("python-build-noreadme", f"{bld} 2>&1; echo EXIT=$?", var["noreadme"], n_python_build,
      typed="python -m build --installer uv 2>&1; echo EXIT=$?")
    c("python-build-badcls", f"{bld} 2>&1; echo EXIT=$?", var["badcls"], n_python_build,
      typed="python -m build --installer uv 2>&1; echo EXIT=$?")
    # moulder: setuptools, an explicit package list that leaves out a subpackage, tests shipped at top level
    m = root / "moulder"
    (m / "src" / "moulder" / "frogs").mkdir(exist_ok=True)
    (m / "src" / "moulder" / "frogs" / "__init__.py").write_text("from .shapes import FROG\n")
    (m / "src" / "moulder" / "frogs" / "shapes.py").write_text("FROG = 'kick'\n")
    (m / "src" / "moulder" / "frogs.py").unlink(missing_ok=True)
    (m / "tests").mkdir(exist_ok=True)
    (m / "tests" / "__init__.py").write_text("")
    (m / "tests" / "test_core.py").write_text("def test_rate():\n    assert True\n")
    (m / "README.md").write_text("Moulder\n=======\n\nHand moulding tables.\n\n.. code:: python\n   :bad-option: 1\n\n"
                                 "`unclosed link <https://brick.example\n\nSee :ref:`missing`.\n")
    pp = m / "pyproject.toml"
    s = pp.read_text().replace('requires = ["hatchling"]\nbuild-backend = "hatchling.build"',
                               'requires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"')
    s = s.replace('readme = "README.md"', 'readme = {file = "README.md", content-type = "text/x-rst"}')
    s += '\n[tool.setuptools]\npackages = ["moulder", "tests"]\npackage-dir = {"moulder" = "src/moulder", "tests" = "tests"}\n'
    pp.write_text(s)
    c("python-build-moulder", f"{bld} 2>&1; echo EXIT=$?", m, n_python_build,
      typed="python -m build --installer uv 2>&1; echo EXIT=$?")
    c("twine-check-moulder", f"{VBIN}/twine check dist/* 2>&1; echo EXIT=$?", m, N_TWINE_CHECK,
      typed="twine check dist/* 2>&1; echo EXIT=$?")
    for n in ["brick-clamp", "kiln-log", "hack-rack", "pugmill"]:
        cm.run(f"{bld} -q --outdir {root}/dist", cwd=root / n, env=ENV, timeout=300)
    shutil.copy(next((m / "dist").glob("*.whl")), root / "dist")
    shutil.copy(next((m / "dist").glob("*.tar.gz")), root / "dist")
    c("check-wheel-contents-all", f"{VBIN}/check-wheel-contents --toplevel moulder,kiln_log dist/; echo EXIT=$?", root,
      n_cwc, typed="check-wheel-contents --toplevel moulder,kiln_log dist/; echo EXIT=$?")
    c("twine-check-strict-all", f"{VBIN}/twine check --strict dist/* 2>&1; echo EXIT=$?", root, N_TWINE_CHECK,
      typed="twine check --strict dist/* 2>&1; echo EXIT=$?")


ROOT: Path = TMP / "brickworks"
VAR: dict[str, Path] = {}


def material(tmp):
    global ROOT, VAR
    ROOT = brickworks(random.Random(SEED))
    VAR = variants(ROOT)


def s_uv_lock(tmp):
    uv_lock_items(ROOT, VAR)


def s_uv_dry(tmp):
    uv_dry(ROOT)


def s_venvs(tmp):
    venvs(ROOT)


def s_pip(tmp):
    pip_items(ROOT, VAR)


def s_build(tmp):
    build_items(ROOT, VAR)


def steps():
    return [material, s_uv_lock, s_uv_dry, s_venvs, s_pip, s_build]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide781", sys.modules["__main__"])
    main()
