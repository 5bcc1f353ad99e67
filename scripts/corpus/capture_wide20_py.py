"""Round 20, the Python work: the parsimonious, tenacity, dictdiffer and jsonpatch sdists with a few bugs put in and
their suites run as an agent runs them (pytest -q, -v piped through tail, --tb=long, unittest -v), mypy and ruff over
glom, tenacity and parsimonious as shipped, a sync job's log holding chained tracebacks of both kinds ('The above
exception…' and 'During handling…'), pip installing into a scratch venv and pip inspect squeezed onto one line.
Each kind's extractor is an earlier round's. Run through capture_wide20.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_unittest, run, write_tree
from capture_redund import n_pytest_many
from capture_wide import n_chained
from capture_wide6 import n_pytest_long
from capture_wide11 import n_one_line
from capture_wide15_data import n_pip_install
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide17_runs import patch
from capture_wide20 import cap
from capture_more import PIP_ENV

PARS, TENA, DDIF, JPAT, GLOM = ("parsimonious-0.10.0", "tenacity-9.0.0", "dictdiffer-0.9.0", "jsonpatch-1.33",
                                "glom-23.5.0")
NOCACHE = "-p no:cacheprovider"


def bugs(tmp: Path) -> None:
    """One or two slips in each package, the kind a day of edits leaves."""
    pe = tmp / PARS / "parsimonious"
    patch(pe / "exceptions.py", "return self.text.count('\\n', 0, self.pos) + 1",
          "return self.text.count('\\n', 0, self.pos)")
    patch(pe / "expressions.py", "qualifier = '{%d,}' % self.min", "qualifier = '{%d}' % self.min")
    patch(tmp / TENA / "tenacity/stop.py", "return retry_state.attempt_number >= self.max_attempt_number",
          "return retry_state.attempt_number > self.max_attempt_number")
    patch(tmp / TENA / "tenacity/wait.py", "exp = self.exp_base ** (retry_state.attempt_number - 1)",
          "exp = self.exp_base ** retry_state.attempt_number")
    patch(tmp / DDIF / "dictdiffer/__init__.py", "yield REMOVE, dotted_node, [(0, deletion)]",
          "yield REMOVE, dotted_node, [(1, deletion)]")
    patch(tmp / DDIF / "dictdiffer/__init__.py", "yield ADD, dotted_node, [(0, addition)]",
          "yield ADD, dotted_node, [(1, addition)]")
    patch(tmp / JPAT / "jsonpatch.py", "if part == '-':", "if part == '--':")


def tests(tmp: Path) -> None:
    bugs(tmp)
    cap("pytest-q-parsimonious", f"python -m pytest parsimonious/tests -q {NOCACHE} 2>&1", tmp / PARS, n_pytest)
    cap("pytest-v-tail-tenacity", f"python -m pytest tests -v {NOCACHE} --ignore=tests/test_tornado.py 2>&1 "
        "| tail -n 80", tmp / TENA, n_pytest_many)
    cap("pytest-tb-long-dictdiffer", f"python -m pytest tests --tb=long {NOCACHE} -o addopts='' 2>&1", tmp / DDIF, n_pytest_long)
    cap("unittest-v-jsonpatch", "python -m unittest tests -v 2>&1 | head -n 300", tmp / JPAT, n_unittest)


def lint(tmp: Path) -> None:
    cap("mypy-strict-glom", "mypy --strict --no-incremental glom 2>&1 | head -n 300", tmp / GLOM, n_mypy)
    cap("mypy-tenacity-no-color", "mypy --strict --no-color-output --no-incremental tenacity 2>&1",
        tmp / TENA, n_mypy)
    cap("ruff-concise-parsimonious", "ruff check --no-cache --select ALL --output-format concise parsimonious 2>&1 "
        "| head -n 300", tmp / PARS, n_ruff)
    cap("ruff-dictdiffer", "ruff check --no-cache --select E,F,B,UP,SIM,PL,RUF dictdiffer tests 2>&1", tmp / DDIF,
        n_ruff)


SYNC = '''
import json, logging, sys
import jsonpatch, jsonpointer

logging.basicConfig(filename="logs/sync.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)-7s %(name)s [%(process)d] %(message)s")
log = logging.getLogger("catalog.sync")


class SyncError(Exception):
    pass


def apply(doc, ops, sku):
    try:
        return jsonpatch.apply_patch(doc, ops)
    except (jsonpatch.JsonPatchConflict, jsonpointer.JsonPointerException) as e:
        raise SyncError(f"patch for {sku} does not apply to the stored document") from e


def audit(sku, doc):
    try:
        return doc["price"]["amount"] / doc["price"]["units"]
    except ZeroDivisionError:
        log.warning("sku %s has zero units", sku)
        return doc["price"]["per_unit"]  # no such field: 'During handling' chain


def main():
    batch = json.load(open("batch.json"))
    done = 0
    for i, item in enumerate(batch):
        sku = item["sku"]
        log.info("patching %s (%d ops)", sku, len(item["ops"]))
        try:
            doc = apply(item["doc"], item["ops"], sku)
            log.debug("patched %s", sku)
            log.info("unit price %s = %s", sku, audit(sku, doc))
            done += 1
        except Exception:
            log.exception("sku %s failed, batch continues", sku)
    log.info("batch done: %d of %d skus synced", done, len(batch))


main()
'''


def batch() -> str:
    """80 catalog items; item 31's patch removes a missing path, item 57 has zero units (the two failures)."""
    import json
    out = []
    for i in range(80):
        doc = {"sku": f"SKU-{4100 + i}", "title": f"Item {i}", "price": {"amount": 100 + i * 7, "units": 1 + i % 4},
               "tags": ["catalog", "2026"]}
        ops = [{"op": "replace", "path": "/title", "value": f"Item {i} (v2)"},
               {"op": "add", "path": "/tags/-", "value": "synced"}]
        if i == 31:
            ops.append({"op": "remove", "path": "/dimensions/weight"})
        if i == 57:
            doc["price"]["units"] = 0
        out.append({"sku": doc["sku"], "doc": doc, "ops": ops})
    return json.dumps(out)


def traceback_log(tmp: Path) -> None:
    d = tmp / "catalog-sync"
    write_tree(d, {"sync.py": SYNC, "batch.json": batch(), "logs/.keep": ""})
    run("python sync.py", cwd=d, timeout=120)
    cap("python-chained-traceback-sync-log", "cat logs/sync.log", d, n_chained)


def pkgs(tmp: Path) -> None:
    venv = tmp / "app-venv"
    run(f"python3 -m venv {venv}", timeout=120)
    env = {**PIP_ENV, "PATH": f"{venv}/bin:/usr/bin:/bin"}
    cap("pip-install-glom-tenacity", "pip install glom==23.5.0 tenacity==9.0.0 jsonpatch dictdiffer cattrs "
        "parsimonious 'httpx<0.28' 2>&1", tmp,
        n_pip_install, env=env)
    small = tmp / "tools-venv"  # a smaller venv: pip inspect of the app venv passes 190 KB
    run(f"python3 -m venv {small} && {small}/bin/pip install -q glom==23.5.0 tenacity==9.0.0", env=PIP_ENV, timeout=600)
    cap("pip-inspect-one-line", "pip inspect 2>/dev/null | tr -d '\\n'", tmp, n_one_line,
        env={**PIP_ENV, "PATH": f"{small}/bin:/usr/bin:/bin"})


STEPS = [tests, lint, traceback_log, pkgs]
