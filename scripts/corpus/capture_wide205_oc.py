"""Round 205, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding copies of the
broken transitions sdist and its git history, the printkit project (sprintf-js), the saltpan C project, the quillpress
crate and the shared-library table; its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, make, cargo, git,
listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep searches transitions' and
sprintf-js's sources, TypeScript's lib and eslint's rules, its glob lists files, its read prints source files, and its
webfetch fetches ruby-kramdown's RDoc pages served on loopback (markdown, html and text). Each bash item's needles come
from the extractor of the tool that printed its lines (a chain's from each part's own, its parts run again outside
OpenCode, round 35); grep, glob, read and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run through capture_wide205.py."""

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
from capture_wide205 import JS, VENV, add

TSL = "printkit/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"kramdown": "/usr/share/doc/ruby-kramdown/rdoc"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-fsm", n_pytest,
          "cd fsm && python -m pytest -o addopts='' -p no:cacheprovider -rA tests/test_nesting.py tests/test_core.py "
          "2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-fsm", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full fsm/transitions/extensions 2>&1 | head -n 900"),
        B("oc-bash-mypy-strict-fsm", n_mypy,
          "cd fsm && mypy --strict --no-incremental --cache-dir=/dev/null --pretty transitions tests/test_core.py "
          "2>&1 | tail -n 300"),
        B("oc-bash-node-test-printkit", n_node_test, "cd printkit && node --test spec/ 2>&1 | tail -n 400"),
        B("oc-bash-eslint-printkit", n_eslint, "cd printkit && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-saltpan", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Isaltpan/src saltpan/src/ledger.c saltpan/src/rake_0[0-9].c"),
        B("oc-bash-cargo-test-quillpress", n_cargo_test, "cd quillpress && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-quillpress", n_clippy, "cd quillpress && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-core-L", n_blame, "cd fsm-git && git blame -L 420,820 transitions/core.py"),
        B("oc-bash-git-show-nesting-part", n_show, "cd fsm-git && git show ':/^nesting: part 6'"),
        B("oc-bash-ls-laR-printkit-deps", n_ls_lR,
          "ls -laR printkit/node_modules/sprintf-js printkit/node_modules/levn printkit/node_modules/optionator "
          "printkit/node_modules/@eslint printkit/lib"),
        B("oc-bash-find-printf-eslint-rules", n_find,
          "find printkit/node_modules/eslint/lib/rules printkit/node_modules/uri-js -type f -printf '%M %u %s %p\\n' "
          "| sort -k4 | head -n 400"),
        B("oc-bash-tree-venv-pytest", n_tree,
          f"tree -a --noreport {VENV}/lib/python3*/site-packages/_pytest {VENV}/lib/python3*/site-packages/pycodestyle* "
          "| head -n 600"),
        B("oc-bash-ps-aux-head-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("oc-bash-sqlite-libs-largest", n_sqlite_col,
          "sqlite3 -header -column libs.db \"SELECT name, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM libs ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-head-libs", n_csv, "head -n 800 libs.csv"),
        B("oc-bash-log-tail-saltpan", n_app_log, "tail -n 400 saltpan.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd printkit", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check printkit"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd fsm-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C saltpan -k 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build saltpan"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-fsm-def-self-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|self\.\w+ = |raise \w+\(", "path": "fsm/transitions", "include": "*.py"}),
        Spec("oc-grep-typescript-dom-readonly", "oc-grep", "search", "grep",
             {"pattern": r"^interface \w+Event \{|^declare var on\w+:", "path": TSL,
              "include": "lib.dom.d.ts"}),
        Spec("oc-grep-eslint-rules-schema-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(suggestion|problem|layout)\"|recommended: (true|false)",
              "path": "printkit/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-sprintf-functions", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|case '\w'|throw new", "path": "printkit/lib"}),
        Spec("oc-glob-eslint-lib-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "printkit/node_modules/eslint/lib"}),
        Spec("oc-glob-saltpan-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "saltpan"}),
        Spec("oc-read-py-fsm-core", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/fsm/transitions/core.py"}, "python"),
        Spec("oc-read-py-fsm-test-nesting", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/fsm/tests/test_nesting.py"}, "python"),
        Spec("oc-read-js-sprintf", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/printkit/lib/sprintf.cjs"}, "js"),
        Spec("oc-webfetch-md-kramdown-converter-base", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/kramdown/Kramdown/Converter/Base.html", "format": "markdown"},
             source="kramdown/Kramdown/Converter/Base.html"),
        Spec("oc-webfetch-html-kramdown-options", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/kramdown/Kramdown/Options.html", "format": "html"}, source="kramdown/Kramdown/Options.html"),
        Spec("oc-webfetch-text-kramdown-document", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/kramdown/Kramdown/Document.html", "format": "text"}, source="kramdown/Kramdown/Document.html"),
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
        f"cp -r {tmp}/transitions-0.9.3 fsm && cp -r {tmp}/fsm-git fsm-git && "
        f"cp -r {tmp}/saltpan saltpan && cp -r {tmp}/quillpress quillpress && "
        f"cp {tmp}/data/libs.db {tmp}/data/libs.csv {tmp}/data/saltpan.log . && mkdir printkit && "
        f"cp -r {tmp}/printkit/lib {tmp}/printkit/spec {tmp}/printkit/package.json {tmp}/printkit/eslint.config.js "
        f"{tmp}/printkit/tsconfig.json printkit/ && ln -s {JS}/node_modules printkit/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf fsm/.mypy_cache fsm/.ruff_cache "
        "fsm/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=205,
    )


STEPS = [opencode]
