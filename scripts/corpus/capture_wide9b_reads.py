"""Round 9b, what agents read: long logs cut with head/tail, grep/rg searches and find/tree/ls listings over real
installed trees (the round's sdists and npm packages, node_modules and site-packages of the shared tool install),
OpenCode's own grep/glob/read tools run by the real OpenCode, and documents (README/CHANGELOG/NEWS via cat, man
pages, pydoc pages, --help texts, source files). Run through capture_wide9b.py."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import capture_wide6 as w6
from capture_data import needles_dpkg_log
from capture_more import add_or_skip as add, have, n_git_log_stat, note, run
from capture_opencode import Spec, needles_glob, needles_grep, needles_read_source, run_opencode
from capture_redund import make_c_project, make_rust_project
from capture_wide5 import n_git_grep
from capture_wide6 import n_cargo_build
from capture_wide6_fresh import RG, n_gcc, n_mypy, n_ruff
from capture_wide6_new2 import n_pydoc
from capture_wide7 import n_path_list
from capture_wide7_more import n_pip_install
from capture_wide8_git import n_grep_c
from capture_wide3 import n_tree_text
from capture_wide9b import GIT_ENV, PIP_ENV, n_help, n_markdown, n_rst, n_source, reuse
from capture_wide9b_chains import n_pytest_run, sources

NM = w6.JS / "node_modules"
SITE = w6.VENV / "lib" / "python3.11" / "site-packages"

n_grep_rn = w6.reuse("grep-rn", "search", n_git_grep, "Rule 5 on grep -rn / rg -n (path:line:text): the first match of every file.")
n_dpkg_log = w6.reuse("dpkg-log", "log", w6.text_rule(needles_dpkg_log), needles_dpkg_log.__doc__.strip().splitlines()[0])
n_oc_grep = w6.reuse("oc-grep", "search", w6.oc(needles_grep), needles_grep.__doc__.strip().splitlines()[0])
n_oc_glob = w6.reuse("oc-glob", "listing", w6.oc(needles_glob), needles_glob.__doc__.strip().splitlines()[0])
n_oc_read_py = w6.reuse("oc-read-source", "code", w6.oc(needles_read_source, "python"), needles_read_source.__doc__.strip().splitlines()[0])
n_oc_read_md = w6.reuse("oc-read-doc", "doc", w6.oc(needles_read_source, "markdown"), needles_read_source.__doc__.strip().splitlines()[0])
n_git_log_stat_cut = reuse("git-log-stat", "git", n_git_log_stat)


def cap_cuts(tmp: Path) -> None:
    """Long logs as agents read them: the last (or first) N lines."""
    src = sources(tmp)
    if "python-dateutil" in src:
        d = src["python-dateutil"]
        add("pytest-tail-60-dateutil-all", "PYTHONPATH=src python -m pytest tests 2>&1 | tail -n 60",
            run("PYTHONPATH=src python -m pytest tests 2>&1 | tail -n 60", cwd=d, timeout=400), n_pytest_run)
        add("ruff-check-head-60-dateutil", "ruff check --select ALL src 2>&1 | head -n 60",
            run("ruff check --select ALL src 2>&1 | head -n 60", cwd=d), n_ruff)
        add("git-log-stat-head-120-dateutil", "git log --stat | head -n 120",
            run("git log --stat | head -n 120", cwd=d, env=GIT_ENV), n_git_log_stat_cut)
    if "attrs" in src:
        add("mypy-tail-30-attrs", "mypy src/attr tests 2>&1 | tail -n 30",
            run("mypy src/attr tests 2>&1 | tail -n 30", cwd=src["attrs"], timeout=300), n_mypy)
    c = tmp / "cproj2"
    make_c_project(c, 26, 94, 4)
    add("make-k-j2-head-50", "make -k -j2 2>&1 | head -n 50", run("make -k -j2 2>&1 | head -n 50", cwd=c, timeout=300), n_gcc)
    if have("cargo", "cargo-build"):
        r = tmp / "rproj2"
        make_rust_project(r, 18, 97, 2)
        add("cargo-build-head-50", "cargo build 2>&1 | head -n 50", run("cargo build 2>&1 | head -n 50", cwd=r, timeout=400), n_cargo_build)
    w = tmp / "wheel"
    w.mkdir()
    add("pip-wheel-markupsafe-v-tail-40", "pip wheel --no-cache-dir --no-deps --no-binary :all: markupsafe==2.1.5 -v 2>&1 | tail -n 40",
        run(f"{w6.VENV}/bin/pip wheel --no-cache-dir --no-deps --no-binary :all: markupsafe==2.1.5 -v 2>&1 | tail -n 40", cwd=w, env=PIP_ENV, timeout=400),
        n_pip_install)
    if Path("/var/log/dpkg.log").exists():
        add("dpkg-log-tail-80", "tail -n 80 /var/log/dpkg.log", run("tail -n 80 /var/log/dpkg.log"), n_dpkg_log)


def cap_searches(tmp: Path) -> None:
    """grep/rg searches and find/tree/ls listings over real trees."""
    src = sources(tmp)
    if "python-dateutil" in src:
        d = src["python-dateutil"]
        add("grep-rn-raise-valueerror-dateutil", 'grep -rn "raise ValueError" src/dateutil',
            run('grep -rn "raise ValueError" src/dateutil', cwd=d), n_grep_rn)
        add("grep-c-def-git-ls-files-py-dateutil", "grep -c \"def \" $(git ls-files '*.py')",
            run("grep -c \"def \" $(git ls-files '*.py')", cwd=d, env=GIT_ENV), n_grep_c)
        add("git-ls-files-head-150-dateutil", "git ls-files | head -n 150", run("git ls-files | head -n 150", cwd=d, env=GIT_ENV), n_path_list)
    if RG.exists() and "toolz" in src:
        add("rg-n-top-level-defs-toolz", "rg -n '^(def|class) ' toolz tlz",
            run(f"{RG} -n '^(def|class) ' toolz tlz", cwd=src["toolz"]), n_grep_rn)
    if NM.exists():
        add("grep-rn-process-env-webpack-head-60", 'grep -rn "process.env" node_modules/webpack/lib | head -n 60',
            run('grep -rn "process.env" webpack/lib | head -n 60', cwd=NM), n_grep_rn)
        if RG.exists():
            add("rg-n-deprecated-eslint-rules-head-80", 'rg -n "deprecated" node_modules/eslint/lib/rules | head -n 80',
                run(f'{RG} -n "deprecated" eslint/lib/rules | head -n 80', cwd=NM), n_grep_rn)
        add("grep-rln-require-fs-node-modules-head-80", "grep -rl \"require('fs')\" node_modules --include=*.js | head -n 80",
            run("grep -rl \"require('fs')\" . --include=*.js | sed 's|^\\./|node_modules/|' | head -n 80", cwd=NM), n_path_list)
        add("find-type-f-vite-head-200", "find node_modules/vite -type f | sort | head -n 200",
            run("find vite -type f | sort | sed 's|^|node_modules/|' | head -n 200", cwd=NM), n_path_list)
        add("tree-L3-mocha", "tree -L 3 node_modules/mocha", run("tree -L 3 mocha", cwd=NM), n_tree_text)
    if SITE.exists():
        add("grep-rn-todo-fixme-pip-internal-head-60", 'grep -rn "TODO\\|FIXME" site-packages/pip/_internal | head -n 60',
            run('grep -rn "TODO\\|FIXME" pip/_internal | head -n 60', cwd=SITE), n_grep_rn)


OC_KINDS = {"oc-grep": n_oc_grep, "oc-glob": n_oc_glob, "oc-read-source": n_oc_read_py, "oc-read-doc": n_oc_read_md}


def cap_opencode(tmp: Path) -> None:
    """OpenCode's own grep / glob / read tools, run by the real OpenCode against the project's model stub."""
    src = sources(tmp)
    if not ({"python-dateutil", "toolz", "qs"} <= set(src) and NM.exists()):
        return
    specs = [Spec("oc-grep-dateutil-raise", "oc-grep", "search", "grep", {"pattern": r"raise (ValueError|TypeError|OverflowError)\(",
                                                                             "path": str(src["python-dateutil"] / "src")}),
             Spec("oc-grep-eslint-linter-functions", "oc-grep", "search", "grep", {"pattern": r"^function \w+\(",
                                                                                    "path": str(NM / "eslint" / "lib"), "include": "*.js"}),
             Spec("oc-glob-eslint-rules", "oc-glob", "listing", "glob", {"pattern": "**/*.js", "path": str(NM / "eslint" / "lib" / "rules")}),
             Spec("oc-read-toolz-itertoolz", "oc-read-source", "code", "read", {"filePath": str(src["toolz"] / "toolz" / "itertoolz.py")}, "python"),
             Spec("oc-read-qs-readme", "oc-read-doc", "doc", "read", {"filePath": str(src["qs"] / "README.md")}, "markdown")]
    with tempfile.TemporaryDirectory(prefix="oc-w9b-", dir=tmp) as oc_tmp:
        try:
            captured = run_opencode(Path(oc_tmp), specs, "http://127.0.0.1:9")
        except Exception as e:  # the OpenCode items are skipped, loudly, if the run fails
            note(f"skip OpenCode items: {type(e).__name__}: {e}")
            return
    for spec, sent, text, is_error in captured:
        if is_error:
            note(f"skip {spec.id}: tool error")
            continue
        add(spec.id, json.dumps(sent, sort_keys=True), text, OC_KINDS[spec.kind], tool=spec.tool)


def cap_docs(tmp: Path) -> None:
    """Documents and files the model asks to read."""
    src = sources(tmp)
    if "qs" in src:
        add("cat-readme-md-qs", "cat node_modules/qs/README.md", run("cat README.md", cwd=src["qs"]), n_markdown)
    if "minimist" in src:
        add("head-150-changelog-minimist", "head -n 150 node_modules/minimist/CHANGELOG.md",
            run("head -n 150 CHANGELOG.md", cwd=src["minimist"]), n_markdown)
    if "more-itertools" in src:
        add("cat-readme-rst-more-itertools", "cat README.rst", run("cat README.rst", cwd=src["more-itertools"]), n_rst)
    if "python-dateutil" in src:
        d = src["python-dateutil"]
        add("head-160-news-dateutil", "head -n 160 NEWS", run("head -n 160 NEWS", cwd=d), n_rst)
        add("sed-1-220-relativedelta-py", "sed -n 1,220p src/dateutil/relativedelta.py",
            run("sed -n 1,220p src/dateutil/relativedelta.py", cwd=d), n_source)
    if "more-itertools" in src:
        add("pydoc-more-itertools-recipes", "python -m pydoc more_itertools.recipes",
            run("python -m pydoc more_itertools.recipes", cwd=src["more-itertools"], env={"PAGER": "cat"}), n_pydoc)
    if "toolz" in src:
        add("pydoc-toolz-functoolz", "python -m pydoc toolz.functoolz",
            run("python -m pydoc toolz.functoolz", cwd=src["toolz"], env={"PAGER": "cat"}), n_pydoc)
    if have("man", "help-text"):
        add("man-p-cat-tar", "man -P cat tar", run("man -P cat tar", env={"MANWIDTH": "100"}), n_help)
    add("ruff-check-help", "ruff check --help", run("ruff check --help", cwd=tmp), n_help)
    add("pytest-help-head-150", "pytest --help | head -n 150", run("python -m pytest --help | head -n 150", cwd=tmp), n_help)


STEPS = [cap_cuts, cap_searches, cap_opencode, cap_docs]
