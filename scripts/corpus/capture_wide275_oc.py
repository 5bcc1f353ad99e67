"""Round 275, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken inflection sdist and its git history, the mergeloom project (deepmerge),
the flailyard C project, the tillerbolt crate and the libwacom file table; its bash tool runs pytest, ruff, mypy,
node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents chain
them), its grep searches inflection's and deepmerge's sources, TypeScript's lib and eslint's rules, its glob lists
files, its read prints source files, and its webfetch fetches libxslt1-dev's HTML documentation served on loopback
(markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a
chain's from each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items'
from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide275.py."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

import capture_opencode as oco
from capture_more import n_app_log, n_tree
from capture_opencode import Spec
from capture_wide9b import Part
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_test, n_clippy, n_gcc
from capture_wide15_oc import n_blame, n_diff, n_show, n_status, oc_ext
from capture_wide191_oc import B, C, run_round
from capture_wide275 import JS, VENV, add

TSL = "mergeloom/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"libxslt": "/usr/share/doc/libxslt1-dev/html"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-inflection", n_pytest,
          "cd infl && python -m pytest -p no:cacheprovider -rA -v test_inflection.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-inflection", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full infl/inflection infl/test_inflection.py "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-inflection", n_mypy,
          "cd infl && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "inflection/__init__.py test_inflection.py docs/conf.py 2>&1 | tail -n 300"),
        B("oc-bash-node-test-mergeloom", n_node_test, "cd mergeloom && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-mergeloom", n_eslint, "cd mergeloom && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-flailyard", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iflailyard/src flailyard/src/yard.c flailyard/src/thresh_1[0-9].c"),
        B("oc-bash-cargo-test-tillerbolt", n_cargo_test, "cd tillerbolt && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-tillerbolt", n_clippy, "cd tillerbolt && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-inflection", n_blame, "cd infl-git && git blame -L 60,360 inflection/__init__.py"),
        B("oc-bash-git-show-test-inflection-part", n_show, "cd infl-git && git show ':/^test_inflection: part 9'"),
        B("oc-bash-ls-laR-mergeloom-deps", n_ls_lR,
          "ls -laR mergeloom/node_modules/deepmerge mergeloom/node_modules/levn mergeloom/node_modules/optionator "
          "mergeloom/node_modules/fast-levenshtein mergeloom/node_modules/@eslint mergeloom/lib"),
        B("oc-bash-find-printf-eslint-acorn", n_find,
          "find mergeloom/node_modules/eslint/lib/rules mergeloom/node_modules/acorn mergeloom/node_modules/deepmerge "
          "-type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-typeshed-email-mypyc", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/email {sp}/mypy/typeshed/stdlib/concurrent {sp}/_pytest "
          f"{sp}/pluggy {sp}/mypy/dmypy | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-100", n_ps_aux, "ps aux --sort=-%cpu | head -n 100"),
        B("oc-bash-sqlite-libwacom-largest", n_sqlite_col,
          "sqlite3 -header -column libwacom.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-libwacom-tablet", n_csv,
          "(head -n 1 libwacom.csv; grep '\\.tablet,' libwacom.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-flailyard", n_app_log,
          "grep -v DEBUG flailyard.log | grep -v ' INFO ' | head -n 400; grep -c ERROR flailyard.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd mergeloom", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check mergeloom"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd infl-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C flailyard -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build flailyard"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-inflection-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|assert \w+|re\.sub\(", "path": "infl", "include": "*.py"}),
        Spec("oc-grep-typescript-array-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(map|filter|reduce|concat|flatMap|findLast|toSorted|with|some|every)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-docs-url", "oc-grep", "search", "grep",
             {"pattern": r"recommended: (true|false)|hasSuggestions: true|deprecated: \{",
              "path": "mergeloom/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-deepmerge-functions", "oc-grep", "search", "grep",
             {"pattern": r"function|return|options\.", "path": "mergeloom/lib"}),
        Spec("oc-glob-node-modules-eslint-rules-utils", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "mergeloom/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-typescript-lib-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/lib.es20*.d.ts", "path": "mergeloom/node_modules/@typescript"}),
        Spec("oc-glob-flailyard-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "flailyard"}),
        Spec("oc-read-py-inflection-init", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/infl/inflection/__init__.py"}, "python"),
        Spec("oc-read-py-inflection-tests", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/infl/test_inflection.py"}, "python"),
        Spec("oc-read-js-deepmerge", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/mergeloom/lib/deepmerge.cjs"}, "js"),
        Spec("oc-webfetch-md-libxslt-xsltproc", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/libxslt/xsltproc.html", "format": "markdown"}, source="libxslt/xsltproc.html"),
        Spec("oc-webfetch-html-libxslt-internals", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/libxslt/internals.html", "format": "html"}, source="libxslt/internals.html"),
        Spec("oc-webfetch-text-libxslt-extensions", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/libxslt/extensions.html", "format": "text"}, source="libxslt/extensions.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28275) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28275), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28275 and the stub model on 38275, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38275)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/inflection-0.5.1 infl && cp -r {tmp}/inflection-git infl-git && "
        f"cp -r {tmp}/flailyard flailyard && cp -r {tmp}/tillerbolt tillerbolt && "
        f"cp {tmp}/data/libwacom.db {tmp}/data/libwacom.csv {tmp}/data/flailyard.log . && mkdir mergeloom && "
        f"cp -r {tmp}/mergeloom/lib {tmp}/mergeloom/spec {tmp}/mergeloom/package.json "
        f"{tmp}/mergeloom/eslint.config.js {tmp}/mergeloom/tsconfig.json mergeloom/ && "
        f"ln -s {JS}/node_modules mergeloom/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf infl/.mypy_cache infl/.ruff_cache "
        "infl/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=275,
    )


STEPS = [opencode]
