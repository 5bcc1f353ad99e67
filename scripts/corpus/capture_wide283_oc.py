"""Round 283, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken pathspec sdist and its git history, the twinscale project
(fast-deep-equal), the kilnrow C project, the hopperwick crate and the xkb file table; its bash tool runs pytest, ruff,
mypy, node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents chain
them), its grep searches pathspec's and fast-deep-equal's sources, TypeScript's lib and eslint's rules, its glob lists
files, its read prints source files, and its webfetch fetches libffi-dev's HTML documentation served on loopback
(markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a
chain's from each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items'
from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide283.py."""

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
from capture_wide283 import JS, VENV, add

TSL = "twinscale/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"libffi": "/usr/share/doc/libffi-dev/html"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-pathspec", n_pytest,
          "cd ps && python -m pytest -p no:cacheprovider -rA -v tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-pathspec", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full ps/pathspec ps/tests "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-pathspec", n_mypy,
          "cd ps && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "pathspec tests doc/source/conf.py 2>&1 | tail -n 300"),
        B("oc-bash-node-test-twinscale", n_node_test, "cd twinscale && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-twinscale", n_eslint, "cd twinscale && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-kilnrow", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ikilnrow/src kilnrow/src/row.c kilnrow/src/kiln_2[0-9].c"),
        B("oc-bash-cargo-test-hopperwick", n_cargo_test, "cd hopperwick && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-hopperwick", n_clippy, "cd hopperwick && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-pathspec", n_blame, "cd ps-git && git blame -L 40,330 pathspec/patterns/gitwildmatch.py"),
        B("oc-bash-git-show-test-gitwildmatch-part", n_show, "cd ps-git && git show ':/^test_02_gitwildmatch: part 9'"),
        B("oc-bash-ls-laR-twinscale-deps", n_ls_lR,
          "ls -laR twinscale/node_modules/fast-deep-equal twinscale/node_modules/esquery twinscale/node_modules/espree "
          "twinscale/node_modules/@eslint/plugin-kit twinscale/lib"),
        B("oc-bash-find-printf-eslint-linter-espree", n_find,
          "find twinscale/node_modules/eslint/lib/linter twinscale/node_modules/espree "
          "twinscale/node_modules/fast-deep-equal -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-typeshed-xml-pathspec", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/xml {sp}/mypy/typeshed/stdlib/multiprocessing {sp}/pathspec "
          f"{sp}/iniconfig {sp}/pygments/formatters | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-100", n_ps_aux, "ps aux --sort=-%cpu | head -n 100"),
        B("oc-bash-sqlite-xkb-largest", n_sqlite_col,
          "sqlite3 -header -column xkb.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-xkb-symbols", n_csv,
          "(head -n 1 xkb.csv; grep '^symbols/' xkb.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-kilnrow", n_app_log,
          "grep -v DEBUG kilnrow.log | grep -v ' INFO ' | head -n 400; grep -c ERROR kilnrow.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd twinscale", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check twinscale"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd ps-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C kilnrow -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build kilnrow"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-pathspec-def-raise-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|self\.assert\w+\(", "path": "ps", "include": "*.py"}),
        Spec("oc-grep-typescript-array-index-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(includes|indexOf|lastIndexOf|slice|splice|join|at|fill|findIndex|entries)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-fixable-schema", "oc-grep", "search", "grep",
             {"pattern": r"fixable: \"(code|whitespace)\"|frozen: true|defaultOptions: \[",
              "path": "twinscale/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-fast-deep-equal-branches", "oc-grep", "search", "grep",
             {"pattern": r"return|if \(|var ", "path": "twinscale/lib"}),
        Spec("oc-glob-node-modules-eslint-linter", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "twinscale/node_modules/eslint/lib"}),
        Spec("oc-glob-typescript-lib-esnext-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/lib.es201*.d.ts", "path": "twinscale/node_modules/@typescript"}),
        Spec("oc-glob-kilnrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "kilnrow"}),
        Spec("oc-read-py-pathspec-gitwildmatch", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/ps/pathspec/patterns/gitwildmatch.py"}, "python"),
        Spec("oc-read-py-pathspec-tests", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/ps/tests/test_02_gitwildmatch.py"}, "python"),
        Spec("oc-read-js-fast-deep-equal", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/twinscale/lib/equal.cjs"}, "js"),
        Spec("oc-webfetch-md-libffi-basics", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/libffi/The-Basics.html", "format": "markdown"}, source="libffi/The-Basics.html"),
        Spec("oc-webfetch-html-libffi-primitive-types", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/libffi/Primitive-Types.html", "format": "html"}, source="libffi/Primitive-Types.html"),
        Spec("oc-webfetch-text-libffi-closure-api", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/libffi/The-Closure-API.html", "format": "text"}, source="libffi/The-Closure-API.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28283) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28283), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28283 and the stub model on 38283, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38283)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/pathspec-0.12.1 ps && cp -r {tmp}/pathspec-git ps-git && "
        f"cp -r {tmp}/kilnrow kilnrow && cp -r {tmp}/hopperwick hopperwick && "
        f"cp {tmp}/data/xkb.db {tmp}/data/xkb.csv {tmp}/data/kilnrow.log . && mkdir twinscale && "
        f"cp -r {tmp}/twinscale/lib {tmp}/twinscale/spec {tmp}/twinscale/package.json "
        f"{tmp}/twinscale/eslint.config.js {tmp}/twinscale/tsconfig.json twinscale/ && "
        f"ln -s {JS}/node_modules twinscale/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf ps/.mypy_cache ps/.ruff_cache "
        "ps/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=283,
    )


STEPS = [opencode]
