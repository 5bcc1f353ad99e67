"""Round 298, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken jsonpatch sdist and its git history, the quillmeter project
(fast-levenshtein), the capstanrow C project, the sheavepin crate and the /usr/share/mime file table; its bash tool runs
pytest, ruff, mypy, node --test, eslint, tsc, gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some
chained or piped as agents type them), its grep searches jsonpatch's sources, TypeScript's lib and eslint's rules, its
glob lists files, its read prints source files, and its webfetch fetches installed Debian HTML documentation served on
loopback (markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines
(a chain's from each part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C); grep,
glob, read and webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it
copies the earlier steps' trees). Run through capture_wide298.py."""

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
from capture_wide298 import JS, VENV, add

TSL = "quillmeter/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-jsonpatch", n_pytest,
          "cd jp && python -m pytest -p no:cacheprovider -rA -v tests.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-jsonpatch", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full jp/jsonpatch.py jp/tests.py "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-jsonpatch", n_mypy,
          "cd jp && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "jsonpatch.py tests.py ext_tests.py setup.py 2>&1 | tail -n 300"),
        B("oc-bash-node-test-quillmeter", n_node_test, "cd quillmeter && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-quillmeter", n_eslint, "cd quillmeter && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-capstanrow", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Icapstanrow/src capstanrow/src/drum.c capstanrow/src/capstan_2[0-9].c"),
        B("oc-bash-cargo-test-sheavepin", n_cargo_test, "cd sheavepin && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-sheavepin", n_clippy, "cd sheavepin && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-jsonpatch", n_blame, "cd jp-git && git blame -L 230,560 jsonpatch.py"),
        B("oc-bash-git-show-tests-part", n_show, "cd jp-git && git show ':/^tests: part 4'"),
        B("oc-bash-ls-laR-quillmeter-deps", n_ls_lR,
          "ls -laR quillmeter/node_modules/fast-levenshtein quillmeter/node_modules/espree "
          "quillmeter/node_modules/ajv/lib quillmeter/node_modules/@eslint/js quillmeter/lib"),
        B("oc-bash-find-printf-eslint-rules-ajv", n_find,
          "find quillmeter/node_modules/eslint/lib/rules quillmeter/node_modules/ajv/dist "
          "quillmeter/node_modules/fast-levenshtein -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-typeshed-json-xml", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/json {sp}/mypy/typeshed/stdlib/xml {sp}/jsonpointer* "
          f"{sp}/_pytest/mark {sp}/pygments/styles | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-mime-largest", n_sqlite_col,
          "sqlite3 -header -column mime.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-mime-application", n_csv,
          "(head -n 1 mime.csv; grep -E '^(application|text)/' mime.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-capstanrow", n_app_log,
          "grep -v DEBUG capstanrow.log | grep -v ' INFO ' | head -n 400; grep -c ERROR capstanrow.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd quillmeter", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check quillmeter"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd jp-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C capstanrow -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build capstanrow"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-jsonpatch-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|self\.assert\w+\(", "path": "jp", "include": "*.py"}),
        Spec("oc-grep-typescript-array-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(map|filter|reduce|find|findIndex|findLast\w*|flatMap|toSorted|toSpliced|with|at)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-fixable", "oc-grep", "search", "grep",
             {"pattern": r"fixable: \"(code|whitespace)\"|type: \"suggestion\"",
              "path": "quillmeter/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-levenshtein-vars", "oc-grep", "search", "grep",
             {"pattern": r"strCmp|tmp = |prevRow|return ", "path": "quillmeter/lib"}),
        Spec("oc-glob-ajv-dist-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "quillmeter/node_modules/ajv"}),
        Spec("oc-glob-typescript-lib-dom-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/lib.*.d.ts", "path": "quillmeter/node_modules/@typescript"}),
        Spec("oc-glob-capstanrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "capstanrow"}),
        Spec("oc-read-py-jsonpatch", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/jp/jsonpatch.py"}, "python"),
        Spec("oc-read-py-jsonpatch-tests", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/jp/tests.py"}, "python"),
        Spec("oc-read-js-levenshtein", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/quillmeter/lib/levenshtein.cjs"}, "js"),
        Spec("oc-webfetch-md-bzip2-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/doc/bzip2/manual.html", "format": "markdown"}, source="doc/bzip2/manual.html"),
        Spec("oc-webfetch-html-ninja-manual", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/doc/ninja-build/manual.html", "format": "html"}, source="doc/ninja-build/manual.html"),
        Spec("oc-webfetch-text-expat-reference", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/doc/libexpat1-dev/expat.html/reference.html", "format": "text"},
             source="doc/libexpat1-dev/expat.html/reference.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28298) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28298), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28298 and the stub model on 38298, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38298)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/jsonpatch-1.33 jp && cp -r {tmp}/jsonpatch-git jp-git && "
        f"cp -r {tmp}/capstanrow capstanrow && cp -r {tmp}/sheavepin sheavepin && "
        f"cp {tmp}/data/mime.db {tmp}/data/mime.csv {tmp}/data/capstanrow.log . && mkdir quillmeter && "
        f"cp -r {tmp}/quillmeter/lib {tmp}/quillmeter/spec {tmp}/quillmeter/package.json "
        f"{tmp}/quillmeter/eslint.config.js {tmp}/quillmeter/tsconfig.json quillmeter/ && "
        f"ln -s {JS}/node_modules quillmeter/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf jp/.mypy_cache jp/.ruff_cache "
        "jp/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=298,
    )


STEPS = [opencode]
