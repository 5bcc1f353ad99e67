"""Round 314, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken python-dateutil sdist and its git history, the slicejar project
(range-parser), the brinepan C project, the pantrake crate and the /usr/share/zoneinfo file table; its bash tool runs
pytest, ruff, mypy, node --test, eslint, tsc, gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some
chained or piped as agents type them), its grep searches python-dateutil's sources, TypeScript's lib and eslint's rules,
its glob lists files, its read prints source files, and its webfetch fetches installed Debian HTML documentation served
on loopback (markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its
lines (a chain's from each part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C);
grep, glob, read and webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it
copies the earlier steps' trees). Run through capture_wide314.py."""

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
from capture_wide314 import JS, VENV, add

TSL = "slicejar/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-dateutil", n_pytest,
          "cd du && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -v tests/test_parser.py "
          "tests/test_relativedelta.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-dateutil", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full du/src/dateutil/relativedelta.py "
          "du/src/dateutil/easter.py du/src/dateutil/utils.py 2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-dateutil", n_mypy,
          "cd du/src && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "dateutil/relativedelta.py dateutil/easter.py dateutil/utils.py 2>&1 | tail -n 300"),
        B("oc-bash-node-test-slicejar", n_node_test, "cd slicejar && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-slicejar", n_eslint, "cd slicejar && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-brinepan", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ibrinepan/src brinepan/src/pan.c brinepan/src/boil_2[0-9].c"),
        B("oc-bash-cargo-test-pantrake", n_cargo_test, "cd pantrake && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-pantrake", n_clippy, "cd pantrake && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-dateutil-relativedelta", n_blame,
          "cd du-git && git blame -L 200,420 src/dateutil/relativedelta.py"),
        B("oc-bash-git-show-test-relativedelta-part", n_show, "cd du-git && git show ':/^test_relativedelta: part 5'"),
        B("oc-bash-ls-laR-slicejar-deps", n_ls_lR,
          "ls -laR slicejar/node_modules/range-parser slicejar/node_modules/ajv/lib slicejar/node_modules/levn "
          "slicejar/node_modules/@eslint/core slicejar/lib"),
        B("oc-bash-find-printf-esquery-optionator", n_find,
          "find slicejar/node_modules/esquery slicejar/node_modules/optionator slicejar/node_modules/fast-deep-equal "
          "slicejar/node_modules/range-parser -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-hypothesis-strategies", n_tree,
          f"tree -a --noreport {sp}/hypothesis/strategies {sp}/mypy/typeshed/stdlib/concurrent {sp}/freezegun "
          f"{sp}/six* | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-zones-largest", n_sqlite_col,
          "sqlite3 -header -column zones.db \"SELECT path, area, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM zones ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-zones-europe-asia", n_csv,
          "(head -n 1 zones.csv; grep -E '^(Europe|Asia|Pacific)/' zones.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-brinepan", n_app_log,
          "grep -v DEBUG brinepan.log | grep -v ' INFO ' | head -n 400; grep -c ERROR brinepan.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd slicejar", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check slicejar"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd du-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C brinepan -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build brinepan"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-dateutil-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|assertRaises\(|pytest\.raises\(", "path": "du", "include": "*.py"}),
        Spec("oc-grep-typescript-array-string-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(slice|splice|indexOf|lastIndexOf|padStart|padEnd|at|findLast|findLastIndex|toSorted|with|flatMap)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-messages", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(prefer|avoid|use)\w*: \"",
              "path": "slicejar/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-range-parser-lib", "oc-grep", "search", "grep",
             {"pattern": r"parseInt|isNaN|return -[12]|ranges\.", "path": "slicejar/lib"}),
        Spec("oc-glob-eslint-rules-utils-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "slicejar/node_modules/eslint/lib/rules/utils"}),
        Spec("oc-glob-typescript-lib-dom-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/lib.*.d.ts", "path": "slicejar/node_modules/@typescript"}),
        Spec("oc-glob-brinepan-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "brinepan"}),
        Spec("oc-read-py-dateutil-relativedelta", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/du/src/dateutil/relativedelta.py"}, "python"),
        Spec("oc-read-py-dateutil-rrule", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/du/src/dateutil/rrule.py"}, "python"),
        Spec("oc-read-js-range-parser", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/slicejar/lib/range-parser.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-zlib", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/zlib.html", "format": "markdown"}, source="doc/nodejs/api/zlib.html"),
        Spec("oc-webfetch-html-nodejs-string-decoder", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/string_decoder.html", "format": "html"},
             source="doc/nodejs/api/string_decoder.html"),
        Spec("oc-webfetch-text-nodejs-perf-hooks", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/perf_hooks.html", "format": "text"}, source="doc/nodejs/api/perf_hooks.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28314) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28314), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28314 and the stub model on 38314, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38314)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/python-dateutil-2.9.0.post0 du && cp -r {tmp}/dateutil-git du-git && "
        f"cp -r {tmp}/brinepan brinepan && cp -r {tmp}/pantrake pantrake && "
        f"cp {tmp}/data/zones.db {tmp}/data/zones.csv {tmp}/data/brinepan.log . && mkdir slicejar && "
        f"cp -r {tmp}/slicejar/lib {tmp}/slicejar/spec {tmp}/slicejar/package.json "
        f"{tmp}/slicejar/eslint.config.js {tmp}/slicejar/tsconfig.json slicejar/ && "
        f"ln -s {JS}/node_modules slicejar/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf du/.mypy_cache du/.ruff_cache "
        "du/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=314,
    )


STEPS = [opencode]
