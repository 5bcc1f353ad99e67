#!/usr/bin/env python3
"""Capture round 294 of the compression corpus: second samples of everyday Python tools.
pyright, basedpyright, pylint, bandit, vulture, deptry, pyupgrade, autoflake --check, interrogate, pipdeptree,
pip check, pip install, pip-compile, uv (pip compile, sync, run pytest), tox, nox, hatch and coverage, run on a
project of the round's own written by a seeded generator (modules with type errors, unused names, insecure calls,
missing docstrings, old syntax; tests of which some fail) and on a local wheel index of the round's own (fake
distributions whose requirements conflict or cannot be met). Installs go to PyPI only for the tools and pytest's
wheels; the project's dependency sets come from the local wheel directory (--no-index --find-links).

The extractors are the earlier rounds' for the kinds the corpus already holds (imported) and this round's
(NEEDLES.md, "Round 294") for the new ones, written before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide294.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide294.json  as {"version": 2, "items": [...]}, ids prefixed "wide294-".
"""

from __future__ import annotations

import base64
import hashlib
import os
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import n_bandit, n_pyright  # noqa: E402
from capture_wide import n_vulture  # noqa: E402
from capture_wide2 import n_pip_check  # noqa: E402
from capture_wide6_new import n_coverage_report, n_nox, n_tox  # noqa: E402
from capture_wide6_new2 import n_pipdeptree  # noqa: E402
from capture_wide8_dev import n_interrogate  # noqa: E402
from capture_wide13_pkgs import n_pip_compile  # noqa: E402
from capture_wide15_diag import n_pylint  # noqa: E402
from capture_wide24 import diag  # noqa: E402
from capture_wide28_py import N_AUTOFLAKE, N_PYUPGRADE  # noqa: E402
from capture_wide224 import exit_lines  # noqa: E402
from capture_data import needles_pip_install  # noqa: E402

ID_PREFIX = "wide294-"
DEFAULT_OUT = HERE / "data" / "wide294.json"
ROOT = Path(os.environ.get("HM_WIDE294_ROOT", "/dev/shm/hm-corpus-wide294"))
TMP = ROOT / "run"
TOOLS = ROOT / "tools"
VENV = TOOLS / "venv"
PYWHEELS = TOOLS / "pywheels"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ extractors
# Imported (second samples): n_pyright, n_pylint, n_bandit, n_vulture, N_PYUPGRADE, N_AUTOFLAKE, n_interrogate,
# n_pipdeptree, n_pip_check, n_coverage_report, n_tox, n_nox, n_pip_compile. Rebuilt with round 24's arguments:
N_BASEDPYRIGHT = diag(
    "basedpyright", "lint", "basedpyright: every '- error:' line (it holds its location); warnings one {\"any\"} "
    "per (rule, file); the 'N errors, N warnings' summary; rules 1,3.",
    err=r" - error: ", warn=r" - warning: ", wkey=r"^\s*(/\S+?):\d+.*\((report\w+)\)\s*$",
    summary=r"^\d+ errors?, \d+ warnings?")
N_DEPTRY = diag(
    "deptry", "lint", "deptry: every DEPnnn finding (each names a package, rule 5); the 'Found N dependency "
    "issues' summary; rules 1,3,5.",
    err=r": DEP\d{3} ", summary=r"^Found \d+ dependency issues?|^Success")
N_PIP_INSTALL = cm.named(
    "pip-install", "pkg", "r1 ERROR/error:/exception lines (+location), WARNING groups; r3 'Successfully "
    "installed/built/downloaded' lines; r5 = those installed versions (the r3 line)",
    lambda lines: needles_pip_install("\n".join(lines)))

# New kinds (NEEDLES.md, "Round 294")
EXPLAIN = r"^\s*(╰─▶|Because|And because|we can conclude|And we can conclude|hint:)|unsatisfiable"


@cm.kind("uv-pip-compile-conflict", "pkg")
def n_uv_compile_conflict(lines):
    """Rules 1+3: every 'error:' / '×' line and every explanation line (╰─▶, Because, And because, hint:); Resolved; EXIT=."""
    out = [ln for ln in lines if re.match(r"^\s*(error:|×)", ln) or re.search(EXPLAIN, ln)]
    return out + [ln for ln in lines if re.match(r"^Resolved \d+ packages?", ln)] + exit_lines(lines)


def _pytest_part(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(FAILED|ERROR) ", ln):
            out.append(ln)
        if re.match(r"^_{3,} .+ _{3,}$", ln):
            out.append(ln)
            for x in lines[i + 1:i + 41]:
                if re.match(r"^_{3,} .+ _{3,}$", x):
                    break
                if x.startswith("E   "):
                    out.append(x)
                    break
        if re.match(r"^\S+\.py:\d+: \w*(Error|Exception)\w*$", ln):
            out.append(ln)
        if re.match(r"^=+ .*\bin \d+(\.\d+)?s.* =+$", ln):
            out.append(ln)
    return out


@cm.kind("uv-run-pytest", "test")
def n_uv_run_pytest(lines):
    """Rules 1-3: uv's error:/warning: lines and Installed/Resolved counts; pytest's FAILED/ERROR lines, failure headers with their first E line, file.py:N: Exc lines, the final counts line; EXIT=."""
    out = [ln for ln in lines if re.match(r"^(error|warning): ", ln)]
    out += [ln for ln in lines if re.match(r"^(Installed|Resolved) \d+ packages?", ln)]
    return out + _pytest_part(lines) + exit_lines(lines)


SYNC_DIRECT: list[str] = []  # the project's direct dependencies, set before each uv-sync item is added


@cm.kind("uv-sync", "pkg")
def n_uv_sync(lines):
    """Rules 1+3+5: error/×/explanation lines; Resolved/Prepared/Installed/Uninstalled counts; the +/- lines of direct dependencies; EXIT=."""
    out = [ln for ln in lines if re.match(r"^\s*(error:|×)", ln) or re.search(EXPLAIN, ln)]
    out += [ln for ln in lines if re.match(r"^(Resolved|Prepared|Installed|Uninstalled) \d+ packages?", ln)]
    for ln in lines:
        m = re.match(r"^ [+-] ([\w.-]+)==", ln)
        if m and m.group(1).replace("_", "-").lower() in SYNC_DIRECT:
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("coverage-xml", "table")
def n_coverage_xml(lines):
    """Rules 3-5: the <coverage root line, the <package lines; the <class rows of min and max line-rate; Wrote/error lines."""
    out = [ln for ln in lines if re.match(r"^\s*<coverage ", ln) or re.match(r"^\s*<package ", ln)]
    rows = [(ln, float(m.group(1))) for ln in lines if re.match(r"^\s*<class ", ln)
            for m in [re.search(r'line-rate="([\d.]+)"', ln)] if m]
    if rows:
        lo, hi = min(r for _, r in rows), max(r for _, r in rows)
        out += [ln for ln, r in rows if r in (lo, hi)]
    out += [ln for ln in lines if re.match(r"^Wrote XML report|.*\b(Error|error):|^No data", ln)]
    return out + exit_lines(lines)


@cm.kind("hatch-test", "test")
def n_hatch_test(lines):
    """Rules 1-3: error:/ERROR:/Traceback/XxxError: lines; pytest's FAILED lines, headers with first E line, file.py:N: lines, final counts; EXIT=."""
    out = [ln for ln in lines if re.match(r"^(error:|ERROR:|Traceback|\w+(Error|Exception):)", ln)]
    return out + _pytest_part(lines) + exit_lines(lines)


# ------------------------------------------------------------------ the project generator

def module_src(i: int, rnd: random.Random, extra_ok: bool) -> str:
    n = f"{i:02d}"
    has_doc = rnd.random() < 0.6
    parts = []
    if has_doc:
        parts.append(f'"""Ledger helpers, part {n}."""\n')
    imps = ["import os", "import json"]
    if rnd.random() < 0.5:
        imps.append("import sys")
    if rnd.random() < 0.4:
        imps.append("import re")
    imps += ["import subprocess", "import pickle", "import hashlib", "from typing import Dict, List, Optional"]
    extra = rnd.choice(["import requests", "import yaml", "import attr", "", "", "import toml"])
    if i == 29:
        extra = "import yaml"
    if extra and (extra_ok or i == 29):
        imps.append(extra)
    parts.append("\n".join(imps) + "\n\n")
    if rnd.random() < 0.4:
        parts.append(f'PASSWORD_{n} = "hunter{i}"\n\n')
    parts.append(f'''
class Account{n}(object):
    {'"""An account."""' if rnd.random() < 0.5 else 'kind = "acct"'}

    def __init__(self, name: str, balance: int = 0) -> None:
        super(Account{n}, self).__init__()
        self.name = name
        self.balance = balance

    def deposit(self, amount: int) -> int:
        self.balance += amount
        return self.balance

    def label(self) -> str:
        return "%s: %d" % (self.name, self.balance)

    def tags(self) -> List[str]:
        return list(set([self.name, "acct"]))
''')
    parts.append(f'''

def total_{n}(items: List[int], scale: Optional[int] = None) -> int:
    unused_{n} = len(items)
    return sum(items) * (scale or 1)
''')
    if rnd.random() < 0.55:
        parts.append(f'''

def broken_{n}(acct: Account{n}) -> int:
    return acct.label() + {i}
''')
    if rnd.random() < 0.4:
        parts.append(f'''

def lookup_{n}(table: Dict[str, int], key: str) -> str:
    return table.get(key)
''')
    if rnd.random() < 0.45:
        parts.append(f'''

def run_{n}(cmd):
    return subprocess.call(cmd, shell=True)
''')
    if rnd.random() < 0.35:
        parts.append(f'''

def load_{n}(blob):
    return pickle.loads(blob)
''')
    if rnd.random() < 0.35:
        parts.append(f'''

def digest_{n}(text):
    return hashlib.md5(text.encode()).hexdigest()
''')
    if rnd.random() < 0.3:
        parts.append(f'''

def _never_called_{n}(path):
    try:
        return open(path).read()
    except:
        pass
''')
    if rnd.random() < 0.25:
        parts.append(f'''

def evaluate_{n}(expr):
    return eval(expr)
''')
    if rnd.random() < 0.3:
        parts.append(f'''

def config_{n}():
    return os.environ.get("LEDGER_HOME", "/tmp/ledger{n}")
''')
    if rnd.random() < 0.3:
        parts.append(f'''

def dump_{n}(obj, path="/tmp/out{n}.json"):
    with open(path, "w") as fh:
        json.dump(obj, fh)
    return path
''')
    return "".join(parts)


def test_src(i: int, rnd: random.Random, fail: bool) -> str:
    n = f"{i:02d}"
    want = 7 if fail else 6
    return f'''from ledgerkit.mod_{n} import Account{n}, total_{n}


def test_total_{n}():
    assert total_{n}([1, 2, 3]) == {want}


def test_deposit_{n}():
    a = Account{n}("a{n}")
    assert a.deposit({i}) == {i}


def test_label_{n}():
    a = Account{n}("x", {i})
    assert a.label() == "x: {i + (1 if fail and rnd.random() < 0.5 else 0)}"
'''


def project(tmp: Path, name: str, n_mod: int, seed: int, failing: set[int]) -> Path:
    rnd = random.Random(seed)
    root = tmp / name
    files = {
        "pyproject.toml": (
            '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
            f'[project]\nname = "{name}"\nversion = "0.3.0"\nrequires-python = ">=3.9"\n'
            'dependencies = ["requests>=2", "click>=8", "rich"]\n\n'
            '[tool.hatch.build.targets.wheel]\npackages = ["src/ledgerkit"]\n\n'
            '[tool.hatch.envs.test]\nskip-install = true\ndependencies = ["pytest"]\n'
            '[tool.hatch.envs.test.env-vars]\nPYTHONPATH = "src"\n'
            '[tool.hatch.envs.test.scripts]\nrun = "pytest -q {args}"\n'),
        "src/ledgerkit/__init__.py": '"""ledgerkit."""\n__version__ = "0.3.0"\n',
        "tests/__init__.py": "",
    }
    for i in range(n_mod):
        files[f"src/ledgerkit/mod_{i:02d}.py"] = module_src(i, rnd, i % 2 == 1 and i not in failing)
        if i % 2 == 0 or i in failing:
            files[f"tests/test_mod_{i:02d}.py"] = test_src(i, rnd, i in failing)
    cm.write_tree(root, files)
    return root


# ------------------------------------------------------------------ a local wheel index of fake distributions

def make_wheel(dest: Path, name: str, version: str, requires: list[str]) -> None:
    mod = name.replace("-", "_")
    di = f"{mod}-{version}.dist-info"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: {name} for the ledger suite\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = {f"{mod}/__init__.py": f'__version__ = "{version}"\n', f"{di}/METADATA": meta,
             f"{di}/WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    rec = []
    for p, body in files.items():
        h = base64.urlsafe_b64encode(hashlib.sha256(body.encode()).digest()).rstrip(b"=").decode()
        rec.append(f"{p},sha256={h},{len(body.encode())}")
    rec.append(f"{di}/RECORD,,")
    files[f"{di}/RECORD"] = "\n".join(rec) + "\n"
    with zipfile.ZipFile(dest / f"{mod}-{version}-py3-none-any.whl", "w") as z:
        for p, body in files.items():
            z.writestr(p, body)


NAMES = ["core", "http", "db", "cli", "term", "auth", "cache", "queue", "mail", "pdf", "csv", "time", "money",
         "tax", "audit", "sync", "geo", "i18n", "log", "metrics", "retry", "crypto", "store", "report"]


def wheel_index(tmp: Path) -> tuple[Path, dict]:
    rnd = random.Random(294)
    d = tmp / "wheels"
    d.mkdir(parents=True, exist_ok=True)
    graph = {}
    for k, nm in enumerate(NAMES):
        name = f"acme-{nm}"
        versions = ["1.0.0", "1.4.2", "2.0.1"] if k % 3 else ["1.0.0", "2.3.0", "3.1.0"]
        deps = []
        if nm != "core":
            deps.append("acme-core>=1.0")
            for other in rnd.sample(NAMES[:k], min(k, rnd.choice([0, 1, 2]))):
                if other != "core":
                    deps.append(f"acme-{other}>=1.0")
        graph[name] = (versions, deps)
    graph["acme-http"] = (["1.2.0"], ["acme-core>=2.0,<3"])
    graph["acme-db"] = (["2.1.0"], ["acme-core>=3.0"])
    graph["acme-report"] = (["0.9.0"], ["acme-core>=9.0", "acme-pdf>=1.0"])
    graph["acme-legacy"] = (["0.4.0"], ["acme-time<1.0", "acme-core<2"])
    for name, (versions, deps) in graph.items():
        for v in versions:
            make_wheel(d, name, v, deps)
    return d, graph


# ------------------------------------------------------------------ steps

NOCOLOR = {"NO_COLOR": "1", "TERM": "dumb", "PYTHONDONTWRITEBYTECODE": "1"}


def cap(iid: str, cmd: str, cwd: Path, ext, timeout: int = 300, env: dict | None = None, typed: str | None = None):
    e = dict(NOCOLOR)
    e.update(env or {})
    _SIZED.cap(iid, cmd, cwd, ext, timeout=timeout, env=e, typed=typed)


def projects(tmp: Path) -> tuple[Path, Path]:
    """The two generated projects (made once per run; every step that needs them calls this)."""
    if not (tmp / "ledgerkit").exists():
        project(tmp, "ledgerkit", 40, 2941, {3, 11, 17, 29})
        project(tmp / "small", "ledgerkit", 9, 2942, {5})
    return tmp / "ledgerkit", tmp / "small" / "ledgerkit"


def checkers(tmp: Path) -> None:
    big, small = projects(tmp)
    cap("pyright-ledgerkit", "pyright src 2>&1 | tail -n 200", big, n_pyright, timeout=300)
    cap("pyright-small", "pyright; echo EXIT=$?", small, n_pyright, timeout=200)
    cap("pyright-some-modules", "pyright src/ledgerkit/mod_0*.py src/ledgerkit/mod_1*.py", big, n_pyright, timeout=200)
    cap("basedpyright-small", "basedpyright src 2>&1", small, N_BASEDPYRIGHT, timeout=200)
    cap("basedpyright-head", "basedpyright src/ledgerkit 2>&1 | head -n 300", big, N_BASEDPYRIGHT, timeout=300)
    cap("pylint-ledgerkit", "pylint src/ledgerkit 2>&1 | tail -n 500", big, n_pylint, timeout=300)
    cap("pylint-small", "pylint src/ledgerkit; echo EXIT=$?", small, n_pylint, timeout=200)
    cap("pylint-disable-c", "pylint --disable=C,R src/ledgerkit 2>&1", big, n_pylint, timeout=300)
    cap("pylint-errors-only", "pylint -E src/ledgerkit tests 2>&1 | head -n 120", big, n_pylint, timeout=300)
    cap("bandit-r", "bandit -r src 2>&1", big, n_bandit, timeout=200)
    cap("bandit-ll", "bandit -r -ll src/ledgerkit 2>&1 | tail -n 120", big, n_bandit, timeout=200)
    cap("bandit-small", "bandit -r . -x ./tests; echo EXIT=$?", small, n_bandit, timeout=200)
    cap("vulture-src", "vulture src/", big, n_vulture, timeout=120)
    cap("vulture-80", "vulture --min-confidence 80 src tests; echo EXIT=$?", big, n_vulture, timeout=120)
    cap("vulture-small", "vulture src/ledgerkit 2>&1 | sort", small, n_vulture, timeout=120)
    cap("deptry-ledgerkit", "deptry . 2>&1", big, N_DEPTRY, timeout=120)
    cap("deptry-small", "deptry src 2>&1; echo EXIT=$?", small, N_DEPTRY, timeout=120)
    cap("pyupgrade-py311", "find src -name '*.py' | xargs pyupgrade --py311-plus; echo EXIT=$?", big, N_PYUPGRADE,
        timeout=120)
    cap("pyupgrade-py39", "pyupgrade --py39-plus src/ledgerkit/mod_1*.py src/ledgerkit/mod_2*.py 2>&1", big, N_PYUPGRADE, timeout=120)
    cap("autoflake-check", "autoflake --check -r --remove-all-unused-imports src 2>&1 | head -n 80", tmp / "small" /
        "ledgerkit", N_AUTOFLAKE, timeout=120)
    cap("autoflake-check-vars", "autoflake --check -r --remove-unused-variables --remove-all-unused-imports src/ "
        "tests/; echo EXIT=$?", big, N_AUTOFLAKE, timeout=120)
    cap("interrogate-vv", "interrogate -vv src/ledgerkit", big, n_interrogate, timeout=120)
    cap("interrogate-vv-fail-under", "interrogate -vv --fail-under 80 src; echo EXIT=$?", small, n_interrogate,
        timeout=120)


def tests_cov(tmp: Path) -> None:
    big, small = tmp / "ledgerkit", tmp / "small" / "ledgerkit"
    env = {"PYTHONPATH": "src"}
    for d in (big, small):
        cm.run("coverage run -m pytest -q -p no:cacheprovider >/dev/null 2>&1", cwd=d, env=env, timeout=200)
    cap("coverage-report-m", "coverage report -m", big, n_coverage_report, env=env)
    cap("coverage-report-m-skip", "coverage report -m --skip-covered --sort=cover; echo EXIT=$?", small,
        n_coverage_report, env=env)
    cap("coverage-xml-stdout", "coverage xml -o - 2>&1", big, n_coverage_xml, env=env)
    cap("coverage-xml-small", "coverage xml -o coverage.xml && cat coverage.xml", small, n_coverage_xml, env=env)


def pkgs(tmp: Path) -> None:
    projects(tmp)
    wheels, graph = wheel_index(tmp)
    fl = f"--no-index --find-links {wheels}"
    # an environment of the fake distributions with conflicts put in by --no-deps installs
    env_dir = tmp / "appenv"
    cm.run(f"python3 -m venv {env_dir}", timeout=120)
    pip = f"{env_dir}/bin/pip"
    names = [n for n in graph if n not in ("acme-report", "acme-legacy", "acme-db")]
    # (the fake graph cannot be resolved as a whole: pip backtracks until this timeout and installs nothing)
    cm.run(f"{pip} install -q {fl} " + " ".join(names), cwd=tmp, env=cm.PIP_ENV, timeout=60)
    cm.run(f"{pip} install -q --no-deps {fl} acme-db==2.1.0 acme-legacy==0.4.0 acme-cache==1.0.0 "
           f"acme-money==1.0.0", cwd=tmp, env=cm.PIP_ENV, timeout=200)
    cm.run(f"{pip} uninstall -y acme-term", cwd=tmp, timeout=100)
    penv = dict(cm.PIP_ENV, PIP_DISABLE_PIP_VERSION_CHECK="1", VIRTUAL_ENV=str(env_dir),
                PATH=f"{env_dir}/bin:" + os.environ["PATH"])
    cap("pip-check-appenv", "python -m pip check; echo EXIT=$?", tmp, n_pip_check, env=penv,
        typed="python -m pip check; echo EXIT=$?")
    cap("pip-check-grep", "python -m pip check 2>&1 | grep -v '^No broken'", tmp, n_pip_check, env=penv)
    cap("pipdeptree-appenv", f"pipdeptree --python {env_dir}/bin/python 2>&1", tmp, n_pipdeptree,
        typed="pipdeptree --python .venv/bin/python 2>&1")
    cap("pipdeptree-warn", f"pipdeptree --python {env_dir}/bin/python -w fail 2>&1 | head -n 60; echo EXIT=$?", tmp,
        n_pipdeptree, typed="pipdeptree --python .venv/bin/python -w fail 2>&1 | head -n 60; echo EXIT=$?")
    cap("pip-install-unmet", f"python -m pip install {fl} acme-report 2>&1; echo EXIT=$?", tmp, N_PIP_INSTALL,
        env=penv, typed="python -m pip install acme-report 2>&1; echo EXIT=$?")
    cap("pip-install-conflict", f"python -m pip install {fl} acme-http==1.2.0 acme-db==2.1.0 acme-legacy 2>&1",
        tmp, N_PIP_INSTALL, env=penv, typed="pip install acme-http==1.2.0 acme-db==2.1.0 acme-legacy 2>&1")
    cap("pip-install-ok", f"python -m pip install {fl} --force-reinstall acme-audit acme-sync 2>&1 | tail -n 40",
        tmp, N_PIP_INSTALL, env=penv, typed="pip install --force-reinstall acme-audit acme-sync 2>&1 | tail -n 40")
    # resolution conflicts
    req = tmp / "req"
    req.mkdir()
    direct = ["acme-cli", "acme-auth", "acme-metrics", "acme-store", "acme-geo", "acme-mail"]
    (req / "requirements.in").write_text("\n".join(direct + ["acme-http==1.2.0", "acme-db"]) + "\n")
    (req / "ok.in").write_text("\n".join(direct + ["acme-tax", "acme-i18n", "acme-retry"]) + "\n")
    uenv = {"UV_CACHE_DIR": str(tmp / "uvcache"), "UV_NO_PROGRESS": "1", "UV_PYTHON_DOWNLOADS": "never"}
    cap("uv-pip-compile-conflict", f"uv pip compile {fl} requirements.in; echo EXIT=$?", req, n_uv_compile_conflict,
        env=uenv, typed="uv pip compile requirements.in; echo EXIT=$?")
    (req / "legacy.in").write_text("acme-legacy\nacme-time>=1.4\nacme-report\n")
    cap("uv-pip-compile-conflict-legacy", f"uv pip compile {fl} legacy.in -o legacy.txt 2>&1", req,
        n_uv_compile_conflict, env=uenv, typed="uv pip compile legacy.in -o legacy.txt 2>&1")
    cap("pip-compile-conflict", f"pip-compile {fl} --dry-run requirements.in 2>&1 | tail -n 40", req, n_pip_compile,
        env=dict(cm.PIP_ENV), timeout=300, typed="pip-compile --dry-run requirements.in 2>&1 | tail -n 40")
    # uv projects
    for nm, deps, good in [("svc", direct + ["acme-tax", "acme-report"], False),
                           ("web", direct + ["acme-tax", "acme-i18n", "acme-retry", "acme-queue"], False),
                           ("lite", ["acme-core", "acme-http"], True)]:
        p = tmp / nm
        deps_s = ", ".join(f'"{x}"' for x in deps)
        cm.write_tree(p, {"pyproject.toml": f'[project]\nname = "{nm}"\nversion = "0.1.0"\nrequires-python = ">=3.9"\n'
                          f'dependencies = [{deps_s}]\n\n[dependency-groups]\ndev = ["pytest"]\n\n'
                          '[tool.uv]\npackage = false\n'})
        SYNC_DIRECT[:] = deps + ["pytest"]
        e = dict(uenv, UV_NO_INDEX="1", UV_FIND_LINKS=f"{wheels},{PYWHEELS}", UV_PYTHON="python3")
        cap(f"uv-sync-{nm}", "uv sync; echo EXIT=$?", p, n_uv_sync, env=e, timeout=300)
    # uv run pytest on the ledgerkit project (a copy whose pyproject is uv's)
    for nm, src, extra in [("big", tmp / "ledgerkit", " -q"), ("small", tmp / "small" / "ledgerkit", " -v")]:
        p = tmp / f"uvrun-{nm}"
        cm.run(f"cp -r {src} {p}", timeout=60)
        (p / "pyproject.toml").write_text('[project]\nname = "ledgerkit"\nversion = "0.3.0"\nrequires-python = ">=3.9"\n'
                                          'dependencies = []\n\n[dependency-groups]\ndev = ["pytest"]\n\n'
                                          '[tool.uv]\npackage = false\n\n[tool.pytest.ini_options]\n'
                                          'pythonpath = ["src"]\n')
        e = dict(uenv, UV_NO_INDEX="1", UV_FIND_LINKS=f"{PYWHEELS}", UV_PYTHON="python3")
        tail = " 2>&1 | tail -n 120" if nm == "big" else "; echo EXIT=$?"
        cap(f"uv-run-pytest-{nm}", f"uv run pytest{extra} -p no:cacheprovider{tail}", p, n_uv_run_pytest, env=e,
            timeout=300)


def runners(tmp: Path) -> None:
    penv = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(PYWHEELS), "PIP_CONFIG_FILE": os.devnull,
            "PIP_DISABLE_PIP_VERSION_CHECK": "1", "VIRTUALENV_OVERRIDE_APP_DATA": str(tmp / "venvdata")}
    projects(tmp)
    for nm, src in [("big", tmp / "ledgerkit"), ("small", tmp / "small" / "ledgerkit")]:
        p = tmp / f"run-{nm}"
        cm.run(f"cp -r {src} {p}", timeout=60)
        (p / "tox.ini").write_text("[tox]\nenv_list = py311, lint\nskipsdist = true\n\n[testenv]\nskip_install = true\n"
                                   "deps = pytest\nset_env = PYTHONPATH = {toxinidir}/src\n"
                                   "commands = pytest -q -p no:cacheprovider {posargs}\n\n"
                                   "[testenv:lint]\nskip_install = true\ndeps =\n"
                                   "commands = python -m compileall -q src\n")
        (p / "noxfile.py").write_text(
            'import nox\n\n\n@nox.session\ndef tests(session):\n    session.install("pytest")\n'
            '    session.run("pytest", "-q", "-p", "no:cacheprovider", *session.posargs, env={"PYTHONPATH": "src"})\n'
            '\n\n@nox.session\ndef compile(session):\n    session.run("python", "-m", "compileall", "-q", "src")\n')
    cap("tox-big", "tox 2>&1 | tail -n 150", tmp / "run-big", n_tox, env=penv, timeout=400)
    cap("tox-small", "tox -e py311; echo EXIT=$?", tmp / "run-small", n_tox, env=penv, timeout=300)
    cap("tox-big-continue", "tox -e py311 -- --continue-on-collection-errors -vv 2>&1", tmp / "run-big", n_tox,
        env=penv, timeout=400)
    cap("nox-big", "nox 2>&1 | tail -n 120", tmp / "run-big", n_nox, env=penv, timeout=400)
    cap("nox-small", "nox -s tests -- -x; echo EXIT=$?", tmp / "run-small", n_nox, env=penv, timeout=300)
    henv = dict(penv, HATCH_DATA_DIR=str(tmp / "hatchdata"), HATCH_CACHE_DIR=str(tmp / "hatchcache"))
    cap("hatch-run-test-small", "hatch run test:run; echo EXIT=$?", tmp / "run-small", n_hatch_test, env=henv,
        timeout=300)
    cap("hatch-run-test-big", "hatch run test:run 2>&1 | tail -n 100", tmp / "run-big", n_hatch_test, env=henv,
        timeout=300)
    cap("hatch-run-test-continue", "hatch run test:run --continue-on-collection-errors -l; echo EXIT=$?",
        tmp / "run-big", n_hatch_test, env=henv, timeout=300)
    cap("nox-big-continue", "nox -s tests -- --continue-on-collection-errors 2>&1 | grep -v '^nox > Creating'",
        tmp / "run-big", n_nox, env=penv, timeout=300)


def ensure_tools() -> None:
    if not (VENV / "bin" / "hatch").exists():
        cm.install_venv(VENV, "hatch", ["pyright", "basedpyright", "pylint", "bandit", "vulture", "deptry", "pyupgrade",
                                        "autoflake", "interrogate", "pipdeptree", "pip-tools", "uv", "tox", "nox",
                                        "coverage", "pytest", "hatch"])
    if not list(PYWHEELS.glob("pytest-*.whl")):
        cm.run(f"{VENV}/bin/pip download -q -d {PYWHEELS} pytest coverage", env=cm.PIP_ENV, timeout=300)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    return [checkers, tests_cov, pkgs, runners]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide294", sys.modules["__main__"])
    main()
