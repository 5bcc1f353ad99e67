"""Round 22, the Python chains: the prettytable, itsdangerous, croniter, tinydb and furl sdists with a few bugs put
in, worked on as an agent works (cd + test + tail, test then `echo "exit=$?"`, test then a config read, a linter
then a type checker, ls then cat, grep then sed, venv + install + test, collect then -k, find then wc). Each
part's extractor is an earlier round's. Run through capture_wide22.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import diff_u_needles, kind, n_pip_show, n_unittest
from capture_wide4 import n_wc_l
from capture_wide6_fresh import n_chained, n_mypy, n_ruff
from capture_wide7 import n_ls_la, n_path_list
from capture_wide7_more import n_pip_install
from capture_wide9b import n_config, n_markdown, n_rst, n_source, n_status_echo
from capture_wide9b_chains import n_count, n_pytest_run, n_version
from capture_wide9b_reads import n_grep_rn
from capture_wide15_diag import n_flake8
from capture_wide17_runs import patch
from capture_wide22 import Part, chain
from capture_more import PIP_ENV

PT, ITS, CRON, TINY, FURL = ("prettytable-3.12.0", "itsdangerous-2.2.0", "croniter-3.0.3", "tinydb-4.8.2",
                             "furl-2.1.3")
NC = "-p no:cacheprovider"


@kind("ruff-check-diff", "lint")
def n_ruff_diff(lines: list[str]) -> list:
    """Rules 1+3+5 on ruff check --diff: the 'Would fix N errors' summary and every 'error:' line; the diff's paths, hunk headers and +/- lines of hunks < 10 changed lines (as black --diff)."""
    return [ln for ln in lines if ln.startswith(("Would fix", "error:"))] + diff_u_needles(lines)


def bugs(tmp: Path) -> None:
    """One or two slips in each package, the kind a day of edits leaves."""
    patch(tmp / PT / "src/prettytable/prettytable.py", "            self._padding_width = 1",
          "            self._padding_width = 2")
    patch(tmp / ITS / "src/itsdangerous/timed.py", "if age > max_age:", "if age >= max_age:")
    patch(tmp / ITS / "src/itsdangerous/timed.py", "if age < 0:", "if age < -1:")
    patch(tmp / TINY / "tinydb/operations.py", "doc[field] += 1", "doc[field] += 2")
    patch(tmp / TINY / "tinydb/table.py", "return len(self.search(cond))", "return len(self.search(cond)) - 1")
    patch(tmp / FURL / "furl/furl.py", "    ret = None\n    if remove == segments:\n        ret = []",
          "    ret = None\n    if remove == segments:\n        ret = ['']")


def tests(tmp: Path) -> None:
    bugs(tmp)
    chain("cd-pytest-tail-80-prettytable", "chain-cd-test-tail", "test",
          [Part(f"cd {PT}"), Part(f"python -m pytest -q {NC} 2>&1 | tail -n 80", n_pytest_run)], tmp)
    chain("pytest-tb-long-echo-exit-tinydb", "chain-test-exit", "test",
          [Part(f"cd {TINY}"), Part(f"python -m pytest -q --tb=long {NC} tests", n_pytest_run),
           Part('echo "exit=$?"', n_status_echo, ";")], tmp)
    chain("pytest-tail-then-cat-pyproject-tinydb", "chain-test-config", "test",
          [Part(f"cd {TINY}"), Part(f"python -m pytest -q {NC} tests 2>&1 | tail -n 40", n_pytest_run),
           Part("cat pyproject.toml", n_config, ";")], tmp)
    chain("pytest-collect-then-k-tinydb", "chain-collect-then-k", "test",
          [Part(f"cd {TINY}"), Part(f"python -m pytest --co -q {NC} tests 2>&1 | tail -n 5", n_pytest_run),
           Part(f"python -m pytest -q {NC} -k 'increment or count' tests", n_pytest_run)], tmp)
    chain("pytest-its-tail-then-head-changes", "chain-test-doc", "test",
          [Part(f"cd {ITS}"), Part(f"python -m pytest -q {NC} tests 2>&1 | tail -n 60", n_pytest_run),
           Part("head -n 120 CHANGES.rst", n_rst, ";")], tmp, env={"PYTHONPATH": "src"})
    chain("pytest-timed-then-python-c-crash-its", "chain-test-then-run-crash", "test",
          [Part(f"cd {ITS}"), Part(f"python -m pytest -v {NC} tests/test_itsdangerous/test_timed.py 2>&1 | tail -n 50",
                                   n_pytest_run),
           Part("python -c \"from itsdangerous import TimestampSigner; s = TimestampSigner('k'); "
                "print(s.unsign(s.sign('x'), max_age='60'))\"", n_chained, ";")], tmp, env={"PYTHONPATH": "src"})
    chain("head-readme-then-pytest-colortable-prettytable", "chain-doc-then-test", "test",
          [Part(f"cd {PT}"), Part("head -n 150 README.md", n_markdown),
           Part(f"python -m pytest -q {NC} tests/test_colortable.py 2>&1 | tail -n 60", n_pytest_run)], tmp)
    chain("pytest-durations-tail-and-ruff-tests-prettytable", "chain-test-then-lint", "test",
          [Part(f"cd {PT}"), Part(f"python -m pytest -q {NC} --durations=10 -x tests 2>&1 | tail -n 50", n_pytest_run,),
           Part("ruff check --no-cache tests", n_ruff, ";")], tmp)
    chain("unittest-v-tail-echo-exit-furl", "chain-unittest-exit", "test",
          [Part(f"cd {FURL}"), Part("python -m unittest discover -s tests -v 2>&1 | tail -n 70", n_unittest),
           Part('echo "exit=$?"', n_status_echo, ";")], tmp)
    chain("pytest-tail-and-ruff-ef-croniter", "chain-test-and-lint", "test",
          [Part(f"cd {CRON}"), Part(f"python -m pytest -q {NC} src/croniter/tests 2>&1 | tail -n 30", n_pytest_run),
           Part("ruff check --no-cache --select E,F,W src", n_ruff)], tmp, env={"PYTHONPATH": "src"})
    chain("cat-setup-py-then-pytest-k-path-tail-furl", "chain-read-then-test", "test",
          [Part(f"cd {FURL}"), Part("cat setup.py", n_source),
           Part(f"python -m pytest -q {NC} tests/test_furl.py -k 'path or remove' 2>&1 | tail -n 80", n_pytest_run)],
          tmp)
    chain("mypy-tail-then-pytest-operations-tinydb", "chain-typecheck-then-test", "lint",
          [Part(f"cd {TINY}"), Part("mypy --strict --no-incremental tinydb 2>&1 | tail -n 40", n_mypy),
           Part(f"python -m pytest -q {NC} tests/test_operations.py", n_pytest_run, ";")], tmp)


def lint(tmp: Path) -> None:
    chain("ruff-semicolon-mypy-croniter", "chain-lint-typecheck", "lint",
          [Part(f"cd {CRON}"), Part("ruff check --no-cache --select E,F,B,UP,SIM src/croniter/croniter.py", n_ruff),
           Part("mypy --no-incremental --ignore-missing-imports src/croniter/croniter.py 2>&1 | tail -n 50", n_mypy,
                ";")], tmp)
    chain("ruff-and-mypy-strict-itsdangerous", "chain-lint-and-typecheck", "lint",
          [Part(f"cd {ITS}"), Part("ruff check --no-cache --select ALL src/itsdangerous 2>&1 | tail -n 80", n_ruff),
           Part("mypy --strict --no-incremental src/itsdangerous", n_mypy)], tmp)
    chain("flake8-then-ruff-statistics-croniter", "chain-two-linters", "lint",
          [Part(f"cd {CRON}"), Part("flake8 --max-line-length 100 src/croniter", n_flake8),
           Part("ruff check --no-cache --select ALL --statistics src", n_ruff, ";")], tmp)
    chain("ruff-fix-diff-then-mypy-furl", "chain-lint-diff-typecheck", "lint",
          [Part(f"cd {FURL}"), Part("ruff check --no-cache --select E,F,W,UP,B furl --diff 2>&1 | head -n 120", n_ruff_diff),
           Part("mypy --no-incremental furl 2>&1 | tail -n 30", n_mypy, ";")], tmp)


def reads(tmp: Path) -> None:
    chain("ls-la-then-cat-timed-its", "chain-ls-cat-source", "code",
          [Part(f"cd {ITS}"), Part("ls -la src/itsdangerous", n_ls_la), Part("cat src/itsdangerous/timed.py", n_source)],
          tmp)
    chain("grep-def-head-then-sed-furl", "chain-grep-sed", "search",
          [Part(f"cd {FURL}"), Part("grep -rn 'def ' furl/furl.py | head -n 40", n_grep_rn),
           Part("sed -n 380,470p furl/furl.py", n_source)], tmp)
    chain("grep-todo-fixme-then-sed-croniter", "chain-grep-sed", "search",
          [Part(f"cd {CRON}"), Part("grep -rn 'TODO\\|FIXME\\|XXX\\|raise ' src/croniter | head -n 40", n_grep_rn),
           Part("sed -n 1,120p src/croniter/croniter.py", n_source)], tmp)
    chain("ls-la-cat-setup-cfg-tox-croniter", "chain-ls-cat-cat", "listing",
          [Part(f"cd {CRON}"), Part("ls -la", n_ls_la), Part("cat setup.cfg", n_config), Part("cat tox.ini", n_config)],
          tmp)
    chain("sed-table-then-grep-def-tinydb", "chain-read-then-grep", "code",
          [Part(f"cd {TINY}"), Part("sed -n 1,140p tinydb/table.py", n_source),
           Part("grep -n 'def ' tinydb/table.py", n_grep_rn)], tmp)
    chain("find-count-then-grep-c-prettytable", "chain-count-then-search", "search",
          [Part(f"cd {PT}"), Part("find . -type f | wc -l", n_count),
           Part("grep -rn 'padding_width' src tests | head -n 60", n_grep_rn)], tmp)


def pkgs(tmp: Path) -> None:
    chain("venv-pip-install-e-pytest-tail-furl", "chain-venv-install-test", "test",
          [Part(f"cd {FURL}"), Part("python3 -m venv .venv"), Part(".venv/bin/pip install -e . pytest", n_pip_install),
           Part(f".venv/bin/python -m pytest -q {NC} tests 2>&1 | tail -n 60", n_pytest_run)], tmp, env=PIP_ENV,
          timeout=600)
    chain("pip-install-then-show-then-version-tinydb", "chain-install-show-probe", "pkg",
          [Part(f"cd {TINY}"), Part("python3 -m venv .venv"), Part(".venv/bin/pip install . 'pytest<9' 2>&1 | tail -n 30",
                                                                   n_pip_install),
           Part(".venv/bin/pip show -f tinydb", n_pip_show),
           Part(".venv/bin/python -c 'import tinydb, sys; print(tinydb.__version__, sys.version)'", n_version)],
          tmp, env=PIP_ENV, timeout=600)
    chain("find-venv-py-head-then-wc-tinydb", "chain-find-wc", "listing",
          [Part(f"cd {TINY}"), Part("find .venv/lib -name '*.py' | head -n 80", n_path_list),
           Part("wc -l tinydb/*.py tests/*.py", n_wc_l)], tmp)


STEPS = [tests, lint, reads, pkgs]
