"""Round 213, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding copies of the
broken tinydb sdist and its git history, the huekit project (tinycolor2), the ropewalk C project, the tidemill
crate and the zoneinfo table; its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, make, cargo, git,
listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep searches tinydb's and
tinycolor2's sources, TypeScript's lib and eslint's rules, its glob lists files, its read prints source files, and its
webfetch fetches samhain's HTML manual and HOWTO pages served on loopback (markdown, html and text). Each bash item's needles come
from the extractor of the tool that printed its lines (a chain's from each part's own, its parts run again outside
OpenCode, round 35); grep, glob, read and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run through capture_wide213.py."""

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
from capture_wide213 import JS, VENV, add

TSL = "huekit/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"samhain": "/usr/share/doc/samhain"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-tinydb", n_pytest,
          "cd tdb && python -m pytest -p no:cacheprovider -rA tests/test_tables.py tests/test_queries.py "
          "tests/test_tinydb.py 2>&1 | tail -n 320"),
        B("oc-bash-ruff-full-tinydb", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full tdb/tinydb/table.py tdb/tinydb/queries.py "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-tinydb", n_mypy,
          "cd tdb && mypy --strict --no-incremental --cache-dir=/dev/null --pretty tinydb tests/test_tables.py "
          "tests/test_queries.py 2>&1 | tail -n 320"),
        B("oc-bash-node-test-huekit", n_node_test, "cd huekit && node --test spec/ 2>&1 | tail -n 450"),
        B("oc-bash-eslint-huekit", n_eslint, "cd huekit && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-ropewalk", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iropewalk/src ropewalk/src/walk.c ropewalk/src/hook_1[0-9].c"),
        B("oc-bash-cargo-test-tidemill", n_cargo_test, "cd tidemill && cargo test 2>&1 | tail -n 650"),
        B("oc-bash-cargo-clippy-tidemill", n_clippy, "cd tidemill && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-table-L", n_blame, "cd tdb-git && git blame -L 120,520 tinydb/table.py"),
        B("oc-bash-git-show-queries-part", n_show, "cd tdb-git && git show ':/^queries: part 5'"),
        B("oc-bash-ls-laR-huekit-deps", n_ls_lR,
          "ls -laR huekit/node_modules/tinycolor2 huekit/node_modules/optionator huekit/node_modules/word-wrap "
          "huekit/node_modules/@humanwhocodes huekit/lib"),
        B("oc-bash-find-printf-typescript-lib", n_find,
          f"find {TSL} huekit/node_modules/esquery -type f -printf '%M %u %s %p\\n' | sort -k4 | head -n 400"),
        B("oc-bash-tree-venv-ruff-pluggy", n_tree,
          f"tree -a --noreport {VENV}/lib/python3*/site-packages/pluggy {VENV}/lib/python3*/site-packages/mypy/typeshed/stdlib/os "
          f"{VENV}/lib/python3*/site-packages/_pytest | head -n 600"),
        B("oc-bash-ps-aux-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-zones-largest", n_sqlite_col,
          "sqlite3 -header -column zones.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM zones ORDER BY CAST(bytes AS INT) DESC, path LIMIT 320\""),
        B("oc-bash-csv-grep-zones-america", n_csv, "(head -n 1 zones.csv; grep '^America/' zones.csv) | head -n 700"),
        B("oc-bash-log-grep-warn-ropewalk", n_app_log, "grep -v DEBUG ropewalk.log | tail -n 450"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd huekit", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check huekit"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd tdb-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C ropewalk -k 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build ropewalk"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-tinydb-def-return-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|return self\.|raise \w+\(", "path": "tdb/tinydb", "include": "*.py"}),
        Spec("oc-grep-typescript-es5-interfaces", "oc-grep", "search", "grep",
             {"pattern": r"^interface \w+ \{|^declare function \w+", "path": TSL, "include": "lib.es5.d.ts"}),
        Spec("oc-grep-eslint-rules-fixable", "oc-grep", "search", "grep",
             {"pattern": r"fixable: \"(code|whitespace)\"|hasSuggestions: true|deprecated: \{",
              "path": "huekit/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-tinycolor-functions", "oc-grep", "search", "grep",
             {"pattern": r"function \w+\(|Math\.(round|min|max)\(", "path": "huekit/lib"}),
        Spec("oc-glob-typescript-lib-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/*.d.ts", "path": "huekit/node_modules/typescript"}),
        Spec("oc-glob-ropewalk-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "ropewalk"}),
        Spec("oc-read-py-tinydb-table", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/tdb/tinydb/table.py"}, "python"),
        Spec("oc-read-py-tinydb-test-queries", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/tdb/tests/test_queries.py"}, "python"),
        Spec("oc-read-js-tinycolor", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/huekit/lib/tinycolor.cjs"}, "js"),
        Spec("oc-webfetch-md-samhain-filedef", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/samhain/manual.html/filedef.html", "format": "markdown"},
             source="samhain/manual.html/filedef.html"),
        Spec("oc-webfetch-html-samhain-logmon", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/samhain/manual.html/logmon.html", "format": "html"},
             source="samhain/manual.html/logmon.html"),
        Spec("oc-webfetch-text-samhain-howto-modules", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/samhain/HOWTO-write-modules.html", "format": "text"},
             source="samhain/HOWTO-write-modules.html"),
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
        f"cp -r {tmp}/tinydb-4.8.2 tdb && cp -r {tmp}/tdb-git tdb-git && "
        f"cp -r {tmp}/ropewalk ropewalk && cp -r {tmp}/tidemill tidemill && "
        f"cp {tmp}/data/zones.db {tmp}/data/zones.csv {tmp}/data/ropewalk.log . && mkdir huekit && "
        f"cp -r {tmp}/huekit/lib {tmp}/huekit/spec {tmp}/huekit/package.json {tmp}/huekit/eslint.config.js "
        f"{tmp}/huekit/tsconfig.json huekit/ && ln -s {JS}/node_modules huekit/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf tdb/.mypy_cache tdb/.ruff_cache "
        "tdb/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=213,
    )


STEPS = [opencode]
