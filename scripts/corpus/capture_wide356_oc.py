"""Round 356, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken markupsafe sdist and its git history, the rivenslate project
(human-format), the splitbench C project, the dressknife crate, the /usr/share/source-highlight file table and a copy
of the venv's paginate package (vendor/, for mypy); its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc,
gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained or piped as agents type them), its grep
searches markupsafe's sources, TypeScript's lib, eslint's rule tester and the copied human-format, its glob lists
files, its read prints source files, and its webfetch fetches libfungw's installed HTML pages served on loopback
(markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a
chain's from each part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C); grep,
glob, read and webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Round 341's
OpenCode step is the pattern (its doc server and stub put on this round's ports the same way). Runs last (it copies
the earlier steps' trees). Run through capture_wide356.py."""

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
from capture_wide356 import JS, VENV, add

TSL = "rivenslate/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}
FW = "doc/libfungw"


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-markupsafe", n_pytest,
          "cd ms && PYTHONPATH=src python -m pytest --color=no -p no:cacheprovider -rA -v tests/test_markupsafe.py "
          "tests/test_escape.py tests/test_exception_custom_html.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-markupsafe", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full ms/src/markupsafe ms/tests 2>&1 "
          "| head -n 1000"),
        B("oc-bash-node-test-rivenslate", n_node_test, "cd rivenslate && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-rivenslate", n_eslint, "cd rivenslate && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-splitbench", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Isplitbench/src splitbench/src/bench.c splitbench/src/riven_2[0-9].c"),
        B("oc-bash-cargo-test-dressknife", n_cargo_test, "cd dressknife && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-dressknife", n_clippy, "cd dressknife && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-markupsafe-init", n_blame, "cd ms-git && git blame -L 100,260 src/markupsafe/__init__.py"),
        B("oc-bash-git-show-markupsafe-part", n_show, "cd ms-git && git show ':/^__init__: part 3'"),
        B("oc-bash-ls-laR-rivenslate-deps", n_ls_lR,
          "ls -laR rivenslate/node_modules/human-format rivenslate/node_modules/esquery "
          "rivenslate/node_modules/optionator rivenslate/node_modules/prelude-ls rivenslate/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find rivenslate/node_modules/eslint-scope rivenslate/node_modules/file-entry-cache "
          "rivenslate/node_modules/minimatch rivenslate/node_modules/keyv -type f -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-paginate-pygments", n_tree,
          f"tree -a --noreport {sp}/paginate {sp}/_pytest/assertion {sp}/pygments/styles {sp}/packaging "
          f"{sp}/mypy/plugins | head -n 600"),
        B("oc-bash-ps-aux-rss-head-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        B("oc-bash-sqlite-hlfiles-largest", n_sqlite_col,
          "sqlite3 -header -column hlfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM hlfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 180\""),
        B("oc-bash-csv-grep-hlfiles-styles", n_csv,
          "(head -n 1 hlfiles.csv; grep -E ',(css|outlang|style|map|sh|defaults),' hlfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-quarryface", n_app_log,
          "grep -v DEBUG quarryface.log | grep -v ' INFO ' | head -n 400; grep -c ERROR quarryface.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd rivenslate", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check rivenslate"))
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-markupsafe-vendor", "chain-lint", "lint",
               [Part("cd ms", None), Part(f"{mypy} src/markupsafe tests", n_mypy, "&&"), Part("cd ../vendor", None, ";"),
                Part(f"{mypy} paginate 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check markupsafe, then the vendored paginate"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd ms-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C splitbench -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build splitbench"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-markupsafe-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|pytest\.raises\(|assert ", "path": "ms", "include": "*.py"}),
        Spec("oc-grep-typescript-string-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(pad\w+|replaceAll|trim\w*|localeCompare|normalize|codePointAt|startsWith|endsWith|repeat)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rule-tester-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|assert\.\w+\(", "path": "rivenslate/node_modules/eslint/lib/rule-tester"}),
        Spec("oc-grep-human-format-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|Scale\.create\(|throw new|Math\.\w+\(", "path": "rivenslate/lib"}),
        Spec("oc-glob-eslint-languages-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "rivenslate/node_modules/eslint/lib/languages"}),
        Spec("oc-glob-vendor-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": "vendor"}),
        Spec("oc-glob-splitbench-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "splitbench"}),
        Spec("oc-read-py-markupsafe-init", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/ms/src/markupsafe/__init__.py"}, "python"),
        Spec("oc-read-py-markupsafe-test-markupsafe", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/ms/tests/test_markupsafe.py"}, "python"),
        Spec("oc-read-js-human-format-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/rivenslate/lib/human-format.cjs"}, "js"),
        Spec("oc-webfetch-md-libfungw-lang", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/{FW}/lang.html", "format": "markdown"}, source=f"{FW}/lang.html"),
        Spec("oc-webfetch-html-libfungw-model", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/{FW}/model.html", "format": "html"}, source=f"{FW}/model.html"),
        Spec("oc-webfetch-text-libfungw-howto", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/{FW}/lang_howto_support.html", "format": "text"}, source=f"{FW}/lang_howto_support.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28356) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28356), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28356 and the stub model on 38356, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38356)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/markupsafe-3.0.4 ms && cp -r {tmp}/markupsafe-git ms-git && "
        f"cp -r {tmp}/splitbench splitbench && cp -r {tmp}/dressknife dressknife && "
        f"cp {tmp}/data/hlfiles.db {tmp}/data/hlfiles.csv {tmp}/data/quarryface.log . && mkdir rivenslate && "
        f"cp -r {tmp}/rivenslate/lib {tmp}/rivenslate/spec {tmp}/rivenslate/package.json "
        f"{tmp}/rivenslate/eslint.config.js {tmp}/rivenslate/tsconfig.json rivenslate/ && "
        f"ln -s {JS}/node_modules rivenslate/node_modules && mkdir vendor && "
        f"cp -r {VENV}/lib/python3.11/site-packages/paginate vendor/",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf ms/.mypy_cache ms/.ruff_cache ms/.pytest_cache "
        "vendor/.mypy_cache",
        DOCS, VENV, JS, specs, add, seed=35610,
    )


STEPS = [opencode]
