"""Round 18, the Python work: whole test suites of real packages with a few bugs put in (pytest over the sqlparse,
tomlkit, h11 and pathspec sdists in the shapes agents ask for, one with its coverage table, unittest -v over
xmltodict),
linters and the type checker over whole packages as shipped (ruff, pylint, mypy --strict, flake8, pycodestyle,
bandit), and the package manager (pip install -v of an sdist, pip wheel -v of a C extension, pipdeptree). Each
kind's extractor is an earlier round's. Run through capture_wide18.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_bandit, n_pip_wheel, n_pycodestyle, n_pytest_ra, n_unittest, run
from capture_redund import n_pytest_many
from capture_wide6 import n_pytest_long
from capture_wide6_new import n_pytest_cov
from capture_wide6_new2 import n_pipdeptree
from capture_wide15_data import n_pip_install
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide17_runs import patch
from capture_wide18 import PIP_ENV, VENV, cap, cap_cut

SQLP, TOML, H11, PSPEC = "sqlparse-0.5.1", "tomlkit-0.13.2", "h11-0.14.0", "pathspec-0.12.1"
XMLD, FUNCY, CERB, JMES, ISOD, WRAPT = ("xmltodict-0.13.0", "funcy-2.0", "Cerberus-1.3.5", "jmespath-1.0.1",
                                        "isodate-0.6.1", "wrapt-1.16.0")
NOCACHE = "-p no:cacheprovider"


def bugs(tmp: Path) -> None:
    """Two to five failing tests in each package: the kind of slip a day of edits leaves."""
    sq = tmp / SQLP / "sqlparse"
    patch(sq / "formatter.py", "    if indent_width < 1:", "    if indent_width < 0:")
    patch(sq / "utils.py", "if val[0] in ('\"', \"'\", '`') and val[0] == val[-1]:",
          "if val[0] in ('\"', \"'\") and val[0] == val[-1]:")
    patch(sq / "sql.py", "        if len(self.tokens) > 2 and ws is not None:",
          "        if len(self.tokens) > 3 and ws is not None:")
    patch(tmp / TOML / "tomlkit/_utils.py", '    "f": "\\f",', '    "f": "\\x0c ",')
    h11 = tmp / H11 / "h11"
    patch(h11 / "_headers.py", 'return b"100-continue" in expect', 'return b"100-Continue" in expect')
    patch(tmp / PSPEC / "pathspec/patterns/gitwildmatch.py",
          "pattern_segs[0] == '**' and not pattern_segs[1]:", "pattern_segs[0] == '**' and pattern_segs[1]:")
    xd = tmp / XMLD / "xmltodict.py"
    patch(xd, "v = _unicode('true')", "v = _unicode('True')")
    patch(xd, "ns, name = name.rsplit(ns_sep, 1)", "ns, name = name.split(ns_sep, 1)")


def tests(tmp: Path) -> None:
    """The suites as an agent runs them after the edits."""
    bugs(tmp)
    cap("pytest-tb-long-sqlparse", f"python -m pytest tests --tb=long -q {NOCACHE}", tmp / SQLP, n_pytest_long)
    cap("pytest-v-sqlparse", f"python -m pytest tests -v {NOCACHE}", tmp / SQLP, n_pytest_many)
    cap("pytest-q-tomlkit", f"python -m pytest tests -q {NOCACHE}", tmp / TOML, n_pytest)
    cap_cut("oc-pytest-v-tomlkit", f"python -m pytest tests -v {NOCACHE}", tmp / TOML, n_pytest_many)
    cap("pytest-ra-v-h11", f"python -m pytest h11/tests -v -ra --tb=short {NOCACHE}", tmp / H11, n_pytest_ra)
    cap("pytest-cov-pathspec", f"python -m pytest tests -q --cov=pathspec --cov-report=term-missing {NOCACHE}",
        tmp / PSPEC, n_pytest_cov)
    cap("unittest-v-xmltodict", "python -m unittest discover -s tests -v", tmp / XMLD, n_unittest)


def lint(tmp: Path) -> None:
    """Linters and the type checker over whole packages as shipped."""
    cap("ruff-select-all-funcy", "ruff check --no-cache --select ALL --output-format concise funcy 2>&1 "
        "| tail -n 700", tmp / FUNCY, n_ruff)
    cap_cut("oc-ruff-select-all-tomlkit", "ruff check --no-cache --select ALL tomlkit 2>&1", tmp / TOML, n_ruff)
    cap("pylint-cerberus", "pylint cerberus 2>&1", tmp / CERB, n_pylint)
    cap("pylint-isodate", "pylint src/isodate 2>&1", tmp / ISOD, n_pylint)
    cap("mypy-strict-sqlparse", "mypy --strict --no-incremental sqlparse 2>&1", tmp / SQLP, n_mypy)
    cap("flake8-tomlkit", "flake8 tomlkit tests 2>&1", tmp / TOML, n_flake8)
    cap("pycodestyle-cerberus", "pycodestyle cerberus 2>&1", tmp / CERB, n_pycodestyle)
    cap("bandit-r-h11", "bandit -r h11 -x h11/tests 2>&1", tmp / H11, n_bandit)


def pkgs(tmp: Path) -> None:
    """pip building and installing the round's sdists in a fresh venv, and the tools venv's dependency tree."""
    venv = tmp / "app-venv"
    run(f"python3 -m venv {venv}", timeout=120)
    env = {**PIP_ENV, "PATH": f"{venv}/bin:/usr/bin:/bin", "CFLAGS": "-Wall -Wextra -Wconversion"}
    cap("pip-install-v-sdists", f"pip install -v ./{SQLP} ./{H11} ./{JMES} ./{XMLD} ./{ISOD} 2>&1", tmp, n_pip_install,
        env=env, timeout=600)
    cap("pip-wheel-v-wrapt", f"pip wheel -v --no-deps -w dist ./{WRAPT} 2>&1", tmp, n_pip_wheel, env=env,
        timeout=600)
    cap("pipdeptree-tools", "pipdeptree 2>&1", tmp, n_pipdeptree, env={"PATH": f"{VENV}/bin:/usr/bin:/bin"})


STEPS = [tests, lint, pkgs]
