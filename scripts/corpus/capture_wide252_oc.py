"""Round 252, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken simpleeval sdist and its git history, the replicard project
(rfdc), the threshboard C project, the ratchetbar crate and the postgresql file table; its bash tool runs pytest,
ruff, mypy, node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents
chain them), its grep searches simpleeval's and rfdc's sources, TypeScript's lib and eslint's rules, its glob
lists files, its read prints source files, and its webfetch fetches python3-routes's HTML documentation served on
loopback (markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines
(a chain's from each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items'
from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide252.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_app_log, n_tree
from capture_opencode import Spec
from capture_wide9b import Part
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_test, n_clippy, n_gcc
from capture_wide15_oc import n_blame, n_diff, n_show, n_status, oc_ext
from capture_wide191_oc import B, C, run_round
from capture_wide252 import JS, VENV, add

TSL = "replicard/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"python3-routes": "/usr/share/doc/python3-routes/html"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-simpleeval", n_pytest,
          "cd sev && python -m pytest -p no:cacheprovider -rA tests/ 2>&1 | tail -n 360"),
        B("oc-bash-ruff-full-simpleeval", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full sev/simpleeval.py "
          "sev/tests/test_security.py 2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-simpleeval", n_mypy,
          "cd sev && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "simpleeval.py tests/test_names.py tests/test_security.py tests/test_module_wrapper.py 2>&1 "
          "| tail -n 320"),
        B("oc-bash-node-test-replicard", n_node_test, "cd replicard && node --test spec/ 2>&1 | tail -n 450"),
        B("oc-bash-eslint-replicard", n_eslint, "cd replicard && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-threshboard", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ithreshboard/src threshboard/src/thresh.c threshboard/src/flail_1[0-9].c"),
        B("oc-bash-cargo-test-ratchetbar", n_cargo_test, "cd ratchetbar && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-ratchetbar", n_clippy, "cd ratchetbar && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-simpleeval", n_blame, "cd sev-git && git blame -L 540,820 simpleeval.py"),
        B("oc-bash-git-show-test-security-part", n_show, "cd sev-git && git show ':/^test_security: part 9'"),
        B("oc-bash-ls-laR-replicard-deps", n_ls_lR,
          "ls -laR replicard/node_modules/rfdc replicard/node_modules/optionator replicard/node_modules/levn "
          "replicard/node_modules/esquery replicard/node_modules/@humanfs replicard/lib"),
        B("oc-bash-find-printf-eslint-ajv", n_find,
          "find replicard/node_modules/eslint replicard/node_modules/ajv replicard/node_modules/rfdc -type f "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 400"),
        B("oc-bash-tree-venv-typeshed-email-pytest", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/email {sp}/mypy/typeshed/stdlib/json {sp}/_pytest "
          f"{sp}/mypy/server {sp}/pygments/styles | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-110", n_ps_aux, "ps aux --sort=-%cpu | head -n 110"),
        B("oc-bash-sqlite-postgresql-largest", n_sqlite_col,
          "sqlite3 -header -column postgresql.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 240\""),
        B("oc-bash-csv-grep-postgresql-sql", n_csv, "(head -n 1 postgresql.csv; grep '\\.sql,' postgresql.csv) | head -n 700"),
        B("oc-bash-log-grep-warn-threshboard", n_app_log, "grep -v DEBUG threshboard.log | tail -n 500"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd replicard", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check replicard"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd sev-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C threshboard -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build threshboard"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-simpleeval-eval-raise", "oc-grep", "search", "grep",
             {"pattern": r"def (_eval_\w+|safe_\w+)\(|raise \w+\(|with self\.assertRaises", "path": "sev", "include": "*.py"}),
        Spec("oc-grep-typescript-iterator-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(entries|keys|values|at|with|copyWithin|fill)\(.*\): \w+", "path": TSL, "include": "lib.es20*.d.ts"}),
        Spec("oc-grep-eslint-rules-meta-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(suggestion|problem|layout)\"|recommended: (true|false)", "path": "replicard/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-rfdc-functions", "oc-grep", "search", "grep",
             {"pattern": r"function|handler\(|return |constructorHandlers", "path": "replicard/lib"}),
        Spec("oc-glob-node-modules-rules", "oc-glob", "listing", "glob",
             {"pattern": "**/lib/rules/*.js", "path": "replicard/node_modules"}),
        Spec("oc-glob-simpleeval-py-files", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": "sev"}),
        Spec("oc-read-py-simpleeval", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/sev/simpleeval.py"}, "python"),
        Spec("oc-read-py-simpleeval-test-security", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/sev/tests/test_security.py"}, "python"),
        Spec("oc-read-js-rfdc", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/replicard/lib/rfdc.cjs"}, "js"),
        Spec("oc-webfetch-md-python3-routes-setting_up", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/python3-routes/setting_up.html", "format": "markdown"},
             source="python3-routes/setting_up.html"),
        Spec("oc-webfetch-html-python3-routes-restful", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/python3-routes/restful.html", "format": "html"},
             source="python3-routes/restful.html"),
        Spec("oc-webfetch-text-python3-routes-generating", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/python3-routes/generating.html", "format": "text"},
             source="python3-routes/generating.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call."""
    run_round(
        tmp,
        f"cp -r {tmp}/simpleeval-1.0.8 sev && cp -r {tmp}/sev-git sev-git && "
        f"cp -r {tmp}/threshboard threshboard && cp -r {tmp}/ratchetbar ratchetbar && "
        f"cp {tmp}/data/postgresql.db {tmp}/data/postgresql.csv {tmp}/data/threshboard.log . && mkdir replicard && "
        f"cp -r {tmp}/replicard/lib {tmp}/replicard/spec {tmp}/replicard/package.json "
        f"{tmp}/replicard/eslint.config.js {tmp}/replicard/tsconfig.json replicard/ && "
        f"ln -s {JS}/node_modules replicard/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf sev/.mypy_cache sev/.ruff_cache "
        "sev/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=252,
    )


STEPS = [opencode]
