"""Round 341, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken sqids sdist and its git history, the escapewheel project (ms), the
fusechain C project, the palletfork crate, the /usr/share/gimp file table and copies of the venv's sortedcontainers
and pluggy packages (vendor/, for mypy); its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, gcc, make,
cargo, git, listings, ps, sqlite3 and the log there (some chained or piped as agents type them), its grep searches
sqids' sources, TypeScript's lib, eslint's linter and the copied ms, its glob lists files, its read prints source
files, and its webfetch fetches valgrind's installed HTML manual served on loopback (markdown, html and text). Each
bash item's needles come from the extractor of the tool that printed its lines (a chain's from each part's own, its
parts run again outside OpenCode, round 35, through capture_wide191_oc.C); grep, glob, read and webfetch items' from
capture_opencode's extractors through capture_wide15_oc.oc_ext. Round 324's OpenCode step is the pattern (its doc
server and stub put on this round's ports the same way). Runs last (it copies the earlier steps' trees). Run through
capture_wide341.py."""

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
from capture_wide341 import JS, VENV, add

TSL = "escapewheel/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}
VG = "doc/valgrind/html"


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-sqids", n_pytest,
          "cd sq && python -m pytest --color=no -p no:cacheprovider -rA -v tests/test_blocklist.py tests/test_alphabet.py "
          "tests/test_round_trip.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-sqids", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full sq/sqids/sqids.py sq/tests 2>&1 "
          "| head -n 1000"),
        B("oc-bash-node-test-escapewheel", n_node_test, "cd escapewheel && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-escapewheel", n_eslint, "cd escapewheel && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-fusechain", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ifusechain/src fusechain/src/chain.c fusechain/src/beat_1[0-9].c"),
        B("oc-bash-cargo-test-palletfork", n_cargo_test, "cd palletfork && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-palletfork", n_clippy, "cd palletfork && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-sqids-core", n_blame, "cd sq-git && git blame -L 40,199 sqids/sqids.py"),
        B("oc-bash-git-show-sqids-part", n_show, "cd sq-git && git show ':/^sqids: part 4'"),
        B("oc-bash-ls-laR-escapewheel-deps", n_ls_lR,
          "ls -laR escapewheel/node_modules/ms escapewheel/node_modules/fast-levenshtein "
          "escapewheel/node_modules/@eslint/plugin-kit escapewheel/node_modules/word-wrap escapewheel/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find escapewheel/node_modules/espree escapewheel/node_modules/flat-cache escapewheel/node_modules/ajv "
          "escapewheel/node_modules/ms -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-hypothesis-pluggy", n_tree,
          f"tree -a --noreport {sp}/hypothesis/strategies {sp}/pluggy {sp}/iniconfig {sp}/sortedcontainers "
          f"{sp}/_pytest/_code | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-gimpfiles-largest", n_sqlite_col,
          "sqlite3 -header -column gimpfiles.db \"SELECT path, area, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM gimpfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 180\""),
        B("oc-bash-csv-grep-gimpfiles-brushes", n_csv,
          "(head -n 1 gimpfiles.csv; grep -E '^2.0/(brushes|gradients|scripts|palettes)/' gimpfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-movement", n_app_log,
          "grep -v DEBUG movement.log | grep -v ' INFO ' | head -n 400; grep -c ERROR movement.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd escapewheel", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check escapewheel"))
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-sqids-vendor", "chain-lint", "lint",
               [Part("cd sq", None), Part(f"{mypy} sqids tests", n_mypy, "&&"), Part("cd ../vendor", None, ";"),
                Part(f"{mypy} sortedcontainers pluggy 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check sqids, then the vendored sortedcontainers and pluggy"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd sq-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C fusechain -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build fusechain"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-sqids-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|pytest\.raises\(|assert ", "path": "sq", "include": "*.py"}),
        Spec("oc-grep-typescript-array-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(find\w*|flat\w*|includes|at|toSorted|toReversed|with|every|some|reduce\w*)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-linter-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|new TypeError\(", "path": "escapewheel/node_modules/eslint/lib/linter"}),
        Spec("oc-grep-ms-lib", "oc-grep", "search", "grep",
             {"pattern": r"var \w = |return Math\.|isPlural|case '", "path": "escapewheel/lib"}),
        Spec("oc-glob-eslint-lib-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "escapewheel/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-vendor-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": "vendor"}),
        Spec("oc-glob-fusechain-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "fusechain"}),
        Spec("oc-read-py-sqids-core", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/sq/sqids/sqids.py"}, "python"),
        Spec("oc-read-py-sqids-test-blocklist", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/sq/tests/test_blocklist.py"}, "python"),
        Spec("oc-read-js-ms-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/escapewheel/lib/ms.cjs"}, "js"),
        Spec("oc-webfetch-md-valgrind-cg-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/{VG}/cg-manual.html", "format": "markdown"}, source=f"{VG}/cg-manual.html"),
        Spec("oc-webfetch-html-valgrind-ms-manual", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/{VG}/ms-manual.html", "format": "html"}, source=f"{VG}/ms-manual.html"),
        Spec("oc-webfetch-text-valgrind-hg-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/{VG}/hg-manual.html", "format": "text"}, source=f"{VG}/hg-manual.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28341) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28341), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28341 and the stub model on 38341, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38341)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/sqids-0.5.2 sq && cp -r {tmp}/sqids-git sq-git && "
        f"cp -r {tmp}/fusechain fusechain && cp -r {tmp}/palletfork palletfork && "
        f"cp {tmp}/data/gimpfiles.db {tmp}/data/gimpfiles.csv {tmp}/data/movement.log . && mkdir escapewheel && "
        f"cp -r {tmp}/escapewheel/lib {tmp}/escapewheel/spec {tmp}/escapewheel/package.json "
        f"{tmp}/escapewheel/eslint.config.js {tmp}/escapewheel/tsconfig.json escapewheel/ && "
        f"ln -s {JS}/node_modules escapewheel/node_modules && mkdir vendor && "
        f"cp -r {VENV}/lib/python3.11/site-packages/sortedcontainers {VENV}/lib/python3.11/site-packages/pluggy vendor/",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf sq/.mypy_cache sq/.ruff_cache sq/.pytest_cache "
        "sq/.hypothesis vendor/.mypy_cache",
        DOCS, VENV, JS, specs, add, seed=34110,
    )


STEPS = [opencode]
