"""Round 320, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken uncertainties sdist and its git history, the tagkiln project (etag), the
gatherpot C project, the puntyrod crate and the /usr/share/vim file table; its bash tool runs pytest, ruff, mypy, node
--test, eslint, tsc, gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained or piped as agents
type them), its grep searches uncertainties' sources, TypeScript's lib and eslint's rules, its glob lists files, its
read prints source files, and its webfetch fetches installed Debian HTML documentation served on loopback (markdown,
html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a chain's from
each part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C); grep, glob, read and
webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier
steps' trees). Run through capture_wide320.py."""

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
from capture_wide320 import JS, VENV, add

TSL = "tagkiln/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-uncertainties", n_pytest,
          "cd un && python -m pytest -p no:cacheprovider -rA -v tests/test_uncertainties.py tests/test_power.py "
          "2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-uncertainties", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full un/uncertainties/ops.py "
          "un/uncertainties/parsing.py 2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-uncertainties", n_mypy,
          "cd un && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "uncertainties/core.py uncertainties/ops.py uncertainties/parsing.py 2>&1 | tail -n 300"),
        B("oc-bash-node-test-tagkiln", n_node_test, "cd tagkiln && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-tagkiln", n_eslint, "cd tagkiln && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-gatherpot", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Igatherpot/src gatherpot/src/pot.c gatherpot/src/reheat_1[0-9].c"),
        B("oc-bash-cargo-test-puntyrod", n_cargo_test, "cd puntyrod && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-puntyrod", n_clippy, "cd puntyrod && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-uncertainties-formatting", n_blame,
          "cd un-git && git blame -L 20,240 uncertainties/formatting.py"),
        B("oc-bash-git-show-ops-part", n_show, "cd un-git && git show ':/^ops: part 7'"),
        B("oc-bash-ls-laR-tagkiln-deps", n_ls_lR,
          "ls -laR tagkiln/node_modules/etag tagkiln/node_modules/espree tagkiln/node_modules/acorn/dist "
          "tagkiln/node_modules/@eslint/plugin-kit tagkiln/lib"),
        B("oc-bash-find-printf-eslint-scope-ignore", n_find,
          "find tagkiln/node_modules/eslint-scope tagkiln/node_modules/ignore tagkiln/node_modules/flat-cache "
          "tagkiln/node_modules/etag -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-numpy-pytest-cov", n_tree,
          f"tree -a --noreport {sp}/numpy/linalg {sp}/numpy/random {sp}/pytest_cov {sp}/pluggy | head -n 600"),
        B("oc-bash-ps-aux-mem-head-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        B("oc-bash-sqlite-vimfiles-largest", n_sqlite_col,
          "sqlite3 -header -column vimfiles.db \"SELECT path, area, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM vimfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-vimfiles-syntax-ftplugin", n_csv,
          "(head -n 1 vimfiles.csv; grep -E '^vim90/(ftplugin|indent|compiler)/' vimfiles.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-gatherpot", n_app_log,
          "grep -v DEBUG gatherpot.log | grep -v ' INFO ' | head -n 400; grep -c ERROR gatherpot.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd tagkiln", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check tagkiln"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd un-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C gatherpot -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build gatherpot"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-uncertainties-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|assertRaises\(|pytest\.raises\(", "path": "un", "include": "*.py"}),
        Spec("oc-grep-typescript-map-set-promise-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(get|set|has|delete|forEach|entries|keys|values|then|catch|finally|allSettled|any|race)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-unexpected-messages", "oc-grep", "search", "grep",
             {"pattern": r"^\s+unexpected\w*: \"",
              "path": "tagkiln/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-etag-lib", "oc-grep", "search", "grep",
             {"pattern": r"toString|Buffer|weak|return ", "path": "tagkiln/lib"}),
        Spec("oc-glob-eslint-linter-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "tagkiln/node_modules/eslint/lib/linter"}),
        Spec("oc-glob-numpy-pyi", "oc-glob", "listing", "glob", {"pattern": "**/*.pyi", "path": "un-venv-numpy"}),
        Spec("oc-glob-gatherpot-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "gatherpot"}),
        Spec("oc-read-py-uncertainties-ops", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/un/uncertainties/ops.py"}, "python"),
        Spec("oc-read-py-uncertainties-formatting", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/un/uncertainties/formatting.py"}, "python"),
        Spec("oc-read-js-etag", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/tagkiln/lib/etag.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-os", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/os.html", "format": "markdown"}, source="doc/nodejs/api/os.html"),
        Spec("oc-webfetch-html-nodejs-querystring", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/querystring.html", "format": "html"},
             source="doc/nodejs/api/querystring.html"),
        Spec("oc-webfetch-text-nodejs-timers", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/timers.html", "format": "text"}, source="doc/nodejs/api/timers.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28320) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28320), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28320 and the stub model on 38320, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38320)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/uncertainties-3.2.3 un && cp -r {tmp}/uncertainties-git un-git && "
        f"cp -r {tmp}/gatherpot gatherpot && cp -r {tmp}/puntyrod puntyrod && "
        f"cp {tmp}/data/vimfiles.db {tmp}/data/vimfiles.csv {tmp}/data/gatherpot.log . && mkdir tagkiln && "
        f"cp -r {tmp}/tagkiln/lib {tmp}/tagkiln/spec {tmp}/tagkiln/package.json "
        f"{tmp}/tagkiln/eslint.config.js {tmp}/tagkiln/tsconfig.json tagkiln/ && "
        f"ln -s {JS}/node_modules tagkiln/node_modules && ln -s {VENV}/lib/python3.11/site-packages/numpy un-venv-numpy",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf un/.mypy_cache un/.ruff_cache "
        "un/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=320,
    )


STEPS = [opencode]
