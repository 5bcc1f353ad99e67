"""Round 291, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken orderedmultidict sdist and its git history, the inkwarden project
(escape-html), the spoolgate C project, the tillerhorn crate and the perl5 file table; its bash tool runs pytest, ruff,
mypy, node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents chain
them), its grep searches orderedmultidict's sources, TypeScript's lib and eslint's rules, its glob lists files, its read
prints source files, and its webfetch fetches Node's HTML API documentation served on loopback (markdown, html and
text). Each bash item's needles come from the extractor of the tool that printed its lines (a chain's from each part's
own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items' from capture_opencode's
extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide291.py."""

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
from capture_wide291 import JS, VENV, add

TSL = "inkwarden/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"node": "/usr/share/doc/nodejs/api"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-orderedmultidict", n_pytest,
          "cd omd && python -m pytest -p no:cacheprovider -rA -v tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-orderedmultidict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full omd/orderedmultidict omd/tests "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-orderedmultidict", n_mypy,
          "cd omd && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "orderedmultidict tests setup.py 2>&1 | tail -n 300"),
        B("oc-bash-node-test-inkwarden", n_node_test, "cd inkwarden && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-inkwarden", n_eslint, "cd inkwarden && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-spoolgate", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ispoolgate/src spoolgate/src/gate.c spoolgate/src/gate_1[0-9].c"),
        B("oc-bash-cargo-test-tillerhorn", n_cargo_test, "cd tillerhorn && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-tillerhorn", n_clippy, "cd tillerhorn && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-orderedmultidict", n_blame,
          "cd omd-git && git blame -L 200,520 orderedmultidict/orderedmultidict.py"),
        B("oc-bash-git-show-itemlist-part", n_show, "cd omd-git && git show ':/^itemlist: part 4'"),
        B("oc-bash-ls-laR-inkwarden-deps", n_ls_lR,
          "ls -laR inkwarden/node_modules/escape-html inkwarden/node_modules/esquery inkwarden/node_modules/acorn "
          "inkwarden/node_modules/@eslint/plugin-kit inkwarden/lib"),
        B("oc-bash-find-printf-eslint-rules-acorn", n_find,
          "find inkwarden/node_modules/eslint/lib/rules inkwarden/node_modules/acorn "
          "inkwarden/node_modules/escape-html -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-typeshed-email-six", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/email {sp}/mypy/typeshed/stdlib/concurrent {sp}/six* "
          f"{sp}/_pytest/_code {sp}/pygments/lexers | head -n 600"),
        B("oc-bash-ps-aux-mem-head-90", n_ps_aux, "ps aux --sort=-rss | head -n 90"),
        B("oc-bash-sqlite-perl5-largest", n_sqlite_col,
          "sqlite3 -header -column perl5.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-perl5-debian", n_csv,
          "(head -n 1 perl5.csv; grep -E '^(Debian|Dpkg)/' perl5.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-spoolgate", n_app_log,
          "grep -v DEBUG spoolgate.log | grep -v ' INFO ' | head -n 400; grep -c ERROR spoolgate.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd inkwarden", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check inkwarden"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd omd-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C spoolgate -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build spoolgate"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-orderedmultidict-def-return", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|return \w+|raise \w+|self\.assert\w+\(", "path": "omd", "include": "*.py"}),
        Spec("oc-grep-typescript-string-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(replace|replaceAll|split|match|matchAll|padStart|padEnd|trim\w*|normalize|localeCompare)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-messages-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(problem|layout)\"|deprecated: \{|hasSuggestions: true",
              "path": "inkwarden/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-escape-html-branches", "oc-grep", "search", "grep",
             {"pattern": r"case \d+|escape = |var |return", "path": "inkwarden/lib"}),
        Spec("oc-glob-node-modules-eslint-rules", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "inkwarden/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-typescript-lib-es202-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/lib.es202*.d.ts", "path": "inkwarden/node_modules/@typescript"}),
        Spec("oc-glob-spoolgate-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "spoolgate"}),
        Spec("oc-read-py-orderedmultidict", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/omd/orderedmultidict/orderedmultidict.py"}, "python"),
        Spec("oc-read-py-orderedmultidict-tests", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/omd/tests/test_orderedmultidict.py"}, "python"),
        Spec("oc-read-js-escape-html", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/inkwarden/lib/escape.cjs"}, "js"),
        Spec("oc-webfetch-md-node-querystring", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/node/querystring.html", "format": "markdown"}, source="node/querystring.html"),
        Spec("oc-webfetch-html-node-wasi", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/node/wasi.html", "format": "html"}, source="node/wasi.html"),
        Spec("oc-webfetch-text-node-tracing", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/node/tracing.html", "format": "text"}, source="node/tracing.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28291) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28291), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28291 and the stub model on 38291, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38291)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/orderedmultidict-1.0.1 omd && cp -r {tmp}/orderedmultidict-git omd-git && "
        f"cp -r {tmp}/spoolgate spoolgate && cp -r {tmp}/tillerhorn tillerhorn && "
        f"cp {tmp}/data/perl5.db {tmp}/data/perl5.csv {tmp}/data/spoolgate.log . && mkdir inkwarden && "
        f"cp -r {tmp}/inkwarden/lib {tmp}/inkwarden/spec {tmp}/inkwarden/package.json "
        f"{tmp}/inkwarden/eslint.config.js {tmp}/inkwarden/tsconfig.json inkwarden/ && "
        f"ln -s {JS}/node_modules inkwarden/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf omd/.mypy_cache omd/.ruff_cache "
        "omd/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=291,
    )


STEPS = [opencode]
