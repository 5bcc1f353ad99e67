"""Round 241, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken pycparser sdist and its git history, the pathpluck project
(object-path), the winnowfan C project, the spokewrench crate and the rspamd file table; its bash tool runs pytest,
ruff, mypy, node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents
chain them), its grep searches pycparser's and object-path's sources, TypeScript's lib and eslint's rules, its glob
lists files, its read prints source files, and its webfetch fetches xapian-omega's HTML documentation served on
loopback (markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines
(a chain's from each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items'
from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide241.py."""

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
from capture_wide241 import JS, VENV, add

TSL = "pathpluck/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"xapian-omega": "/usr/share/doc/xapian-omega"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-pycparser", n_pytest,
          "cd pyc && python -m pytest -p no:cacheprovider -rA tests/test_c_generator.py tests/test_c_ast.py "
          "tests/test_general.py 2>&1 | tail -n 360"),
        B("oc-bash-ruff-full-pycparser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full pyc/pycparser/c_generator.py "
          "pyc/pycparser/ast_transforms.py 2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-pycparser", n_mypy,
          "cd pyc && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "pycparser/c_generator.py pycparser/c_lexer.py tests/test_c_generator.py tests/test_c_lexer.py 2>&1 "
          "| tail -n 320"),
        B("oc-bash-node-test-pathpluck", n_node_test, "cd pathpluck && node --test spec/ 2>&1 | tail -n 450"),
        B("oc-bash-eslint-pathpluck", n_eslint, "cd pathpluck && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-winnowfan", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iwinnowfan/src winnowfan/src/winnow.c winnowfan/src/sieve_2[0-9].c"),
        B("oc-bash-cargo-test-spokewrench", n_cargo_test, "cd spokewrench && cargo test 2>&1 | tail -n 650"),
        B("oc-bash-cargo-clippy-spokewrench", n_clippy, "cd spokewrench && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-c-generator", n_blame, "cd pyc-git && git blame -L 90,360 pycparser/c_generator.py"),
        B("oc-bash-git-show-c-lexer-part", n_show, "cd pyc-git && git show ':/^c_lexer: part 9'"),
        B("oc-bash-ls-laR-pathpluck-deps", n_ls_lR,
          "ls -laR pathpluck/node_modules/object-path pathpluck/node_modules/optionator pathpluck/node_modules/levn "
          "pathpluck/node_modules/esquery pathpluck/node_modules/@humanfs pathpluck/lib"),
        B("oc-bash-find-printf-typescript-lib", n_find,
          "find pathpluck/node_modules/typescript pathpluck/node_modules/espree pathpluck/node_modules/acorn -type f "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 400"),
        B("oc-bash-tree-venv-mypy-typeshed-os-ruff", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/os {sp}/mypy/typeshed/stdlib/xml {sp}/pytest "
          f"{sp}/mypy/plugins {sp}/pygments/lexers | head -n 600"),
        B("oc-bash-ps-aux-head-90", n_ps_aux, "ps aux --sort=-%mem | head -n 90"),
        B("oc-bash-sqlite-rspamd-largest", n_sqlite_col,
          "sqlite3 -header -column rspamd.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 240\""),
        B("oc-bash-csv-grep-rspamd-lua", n_csv, "(head -n 1 rspamd.csv; grep '\\.lua,' rspamd.csv) | head -n 700"),
        B("oc-bash-log-grep-warn-winnowfan", n_app_log, "grep -v DEBUG winnowfan.log | tail -n 500"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd pathpluck", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check pathpluck"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd pyc-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C winnowfan -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build winnowfan"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-pycparser-def-visit-return", "oc-grep", "search", "grep",
             {"pattern": r"def (visit|p|_)\w+\(|return f\"", "path": "pyc/pycparser", "include": "c_*.py"}),
        Spec("oc-grep-typescript-array-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(to\w+|find\w*|flat\w*)\(.*\): \w+", "path": TSL, "include": "lib.es20*.d.ts"}),
        Spec("oc-grep-eslint-rules-schema-enum", "oc-grep", "search", "grep",
             {"pattern": r"enum: \[|defaultOptions: \[", "path": "pathpluck/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-object-path-functions", "oc-grep", "search", "grep",
             {"pattern": r"function|objectPath\.\w+ =|return ", "path": "pathpluck/lib"}),
        Spec("oc-glob-node-modules-js-lib", "oc-glob", "listing", "glob",
             {"pattern": "**/lib/**/*.js", "path": "pathpluck/node_modules"}),
        Spec("oc-glob-pycparser-c-files", "oc-glob", "listing", "glob", {"pattern": "**/*.c", "path": "pyc"}),
        Spec("oc-read-py-pycparser-c-generator", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/pyc/pycparser/c_generator.py"}, "python"),
        Spec("oc-read-py-pycparser-test-c-generator", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/pyc/tests/test_c_generator.py"}, "python"),
        Spec("oc-read-js-object-path", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/pathpluck/lib/object-path.cjs"}, "js"),
        Spec("oc-webfetch-md-xapian-omega-omegascript", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/xapian-omega/omegascript.html", "format": "markdown"},
             source="xapian-omega/omegascript.html"),
        Spec("oc-webfetch-html-xapian-omega-scriptindex", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/xapian-omega/scriptindex.html", "format": "html"},
             source="xapian-omega/scriptindex.html"),
        Spec("oc-webfetch-text-xapian-omega-overview", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/xapian-omega/overview.html", "format": "text"},
             source="xapian-omega/overview.html"),
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
        f"cp -r {tmp}/pycparser-3.12 pyc && cp -r {tmp}/pyc-git pyc-git && "
        f"cp -r {tmp}/winnowfan winnowfan && cp -r {tmp}/spokewrench spokewrench && "
        f"cp {tmp}/data/rspamd.db {tmp}/data/rspamd.csv {tmp}/data/winnowfan.log . && mkdir pathpluck && "
        f"cp -r {tmp}/pathpluck/lib {tmp}/pathpluck/spec {tmp}/pathpluck/package.json "
        f"{tmp}/pathpluck/eslint.config.js {tmp}/pathpluck/tsconfig.json pathpluck/ && "
        f"ln -s {JS}/node_modules pathpluck/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf pyc/.mypy_cache pyc/.ruff_cache "
        "pyc/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=241,
    )


STEPS = [opencode]
