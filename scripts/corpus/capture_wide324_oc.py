"""Round 324, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken humanize sdist and its git history, the lenscourt project (negotiator),
the wickroom C project, the beaconarc crate, the /usr/share/cmake-3.25 file table and copies of the venv's freezegun
and coverage packages (vendor/, for mypy: humanize itself is typed cleanly); its bash tool runs pytest, ruff,
mypy, node --test, eslint, tsc, gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained or piped
as agents type them), its grep searches humanize's sources, TypeScript's lib, eslint's rules and the copied
negotiator, its glob lists files, its read prints source files, and its webfetch fetches installed Debian HTML
documentation served on loopback (markdown, html and text). Each bash item's needles come from the extractor of the
tool that printed its lines (a chain's from each part's own, its parts run again outside OpenCode, round 35, through
capture_wide191_oc.C); grep, glob, read and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Round 320's OpenCode step is the pattern (its doc server and stub put on this round's
ports the same way). Runs last (it copies the earlier steps' trees). Run through capture_wide324.py."""

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
from capture_wide324 import JS, VENV, add

TSL = "lenscourt/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-humanize", n_pytest,
          "cd hm && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -v tests/test_filesize.py "
          "tests/test_time.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-humanize", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full hm/src/humanize/time.py "
          "hm/src/humanize/filesize.py 2>&1 | head -n 1000"),
        B("oc-bash-node-test-lenscourt", n_node_test, "cd lenscourt && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-lenscourt", n_eslint, "cd lenscourt && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-wickroom", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iwickroom/src wickroom/src/room.c wickroom/src/trim_2[0-9].c"),
        B("oc-bash-cargo-test-beaconarc", n_cargo_test, "cd beaconarc && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-beaconarc", n_clippy, "cd beaconarc && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-humanize-number", n_blame, "cd hm-git && git blame -L 100,330 src/humanize/number.py"),
        B("oc-bash-git-show-time-part", n_show, "cd hm-git && git show ':/^time: part 9'"),
        B("oc-bash-ls-laR-lenscourt-deps", n_ls_lR,
          "ls -laR lenscourt/node_modules/negotiator lenscourt/node_modules/eslint-visitor-keys "
          "lenscourt/node_modules/@eslint/core lenscourt/node_modules/levn lenscourt/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find lenscourt/node_modules/esquery lenscourt/node_modules/optionator lenscourt/node_modules/file-entry-cache "
          "lenscourt/node_modules/negotiator -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-freezegun-dateutil", n_tree,
          f"tree -a --noreport {sp}/freezegun {sp}/dateutil {sp}/_pytest/assertion {sp}/coverage | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-cmakefiles-largest", n_sqlite_col,
          "sqlite3 -header -column cmakefiles.db \"SELECT path, area, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM cmakefiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 180\""),
        B("oc-bash-csv-grep-cmakefiles-help", n_csv,
          "(head -n 1 cmakefiles.csv; grep -E '^Help/(command|policy|variable)/' cmakefiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-beacon", n_app_log,
          "grep -v DEBUG beacon.log | grep -v ' INFO ' | head -n 400; grep -c ERROR beacon.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd lenscourt", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check lenscourt"))
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-humanize-vendor", "chain-lint", "lint",
               [Part("cd hm", None), Part(f"{mypy} src tests", n_mypy, "&&"), Part("cd ../vendor", None, ";"),
                Part(f"{mypy} freezegun coverage 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check humanize, then the vendored freezegun and coverage"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd hm-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C wickroom -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build wickroom"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-humanize-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|pytest\.raises\(|@pytest\.mark\.parametrize", "path": "hm",
              "include": "*.py"}),
        Spec("oc-grep-typescript-intl-date-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(toLocale\w*|format\w*|resolvedOptions|supportedLocalesOf|getTimezoneOffset|toISOString)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-descriptions", "oc-grep", "search", "grep",
             {"pattern": r"description:\s+\"(Enforce|Disallow|Require) ",
              "path": "lenscourt/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-negotiator-lib", "oc-grep", "search", "grep",
             {"pattern": r"parse\w*\(|q = |\.sort\(|return \(b\.", "path": "lenscourt/lib"}),
        Spec("oc-glob-typescript-lib-dts", "oc-glob", "listing", "glob", {"pattern": "**/*.d.ts", "path": TSL}),
        Spec("oc-glob-humanize-locale-po", "oc-glob", "listing", "glob", {"pattern": "**/*.po", "path": "hm"}),
        Spec("oc-glob-wickroom-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "wickroom"}),
        Spec("oc-read-py-humanize-time", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/hm/src/humanize/time.py"}, "python"),
        Spec("oc-read-py-humanize-number", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/hm/src/humanize/number.py"}, "python"),
        Spec("oc-read-js-negotiator-mediatype", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/lenscourt/lib/negotiator/mediaType.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-console", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/console.html", "format": "markdown"},
             source="doc/nodejs/api/console.html"),
        Spec("oc-webfetch-html-nodejs-cluster", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/cluster.html", "format": "html"},
             source="doc/nodejs/api/cluster.html"),
        Spec("oc-webfetch-text-nodejs-url", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/url.html", "format": "text"}, source="doc/nodejs/api/url.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28324) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28324), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28324 and the stub model on 38324, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38324)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/humanize-4.17.0 hm && cp -r {tmp}/humanize-git hm-git && "
        f"cp -r {tmp}/wickroom wickroom && cp -r {tmp}/beaconarc beaconarc && "
        f"cp {tmp}/data/cmakefiles.db {tmp}/data/cmakefiles.csv {tmp}/data/beacon.log . && mkdir lenscourt && "
        f"cp -r {tmp}/lenscourt/lib {tmp}/lenscourt/spec {tmp}/lenscourt/package.json "
        f"{tmp}/lenscourt/eslint.config.js {tmp}/lenscourt/tsconfig.json lenscourt/ && "
        f"ln -s {JS}/node_modules lenscourt/node_modules && mkdir vendor && "
        f"cp -r {VENV}/lib/python3.11/site-packages/freezegun {VENV}/lib/python3.11/site-packages/coverage vendor/",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf hm/.mypy_cache hm/.ruff_cache hm/.pytest_cache vendor/.mypy_cache",
        DOCS, VENV, JS, specs, add, seed=32410,
    )


STEPS = [opencode]
