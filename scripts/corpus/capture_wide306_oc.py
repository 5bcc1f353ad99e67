"""Round 306, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken PyJWT sdist and its git history, the crumbjar project (cookie), the
tallowvat C project, the cooperhoop crate and the /usr/share/locale file table; its bash tool runs pytest, ruff, mypy,
node --test, eslint, tsc, gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained or piped as
agents type them), its grep searches PyJWT's sources, TypeScript's lib and eslint's rules, its glob lists files, its
read prints source files, and its webfetch fetches installed Debian HTML documentation served on loopback (markdown,
html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a chain's from
each part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C); grep, glob, read and
webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier
steps' trees). Run through capture_wide306.py."""

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
from capture_wide306 import JS, VENV, add

TSL = "crumbjar/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-pyjwt", n_pytest,
          "cd jw && python -m pytest -p no:cacheprovider -rA -v tests/test_api_jwt.py tests/test_api_jws.py "
          "2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-pyjwt", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full jw/jwt/api_jwt.py jw/jwt/algorithms.py "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-pyjwt", n_mypy,
          "cd jw && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "jwt tests 2>&1 | tail -n 300"),
        B("oc-bash-node-test-crumbjar", n_node_test, "cd crumbjar && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-crumbjar", n_eslint, "cd crumbjar && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-tallowvat", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Itallowvat/src tallowvat/src/vat.c tallowvat/src/dip_1[0-9].c"),
        B("oc-bash-cargo-test-cooperhoop", n_cargo_test, "cd cooperhoop && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-cooperhoop", n_clippy, "cd cooperhoop && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-pyjwt-api-jwt", n_blame, "cd jw-git && git blame -L 380,595 jwt/api_jwt.py"),
        B("oc-bash-git-show-test-api-jwt-part", n_show, "cd jw-git && git show ':/^test_api_jwt: part 6'"),
        B("oc-bash-ls-laR-crumbjar-deps", n_ls_lR,
          "ls -laR crumbjar/node_modules/cookie crumbjar/node_modules/acorn/dist crumbjar/node_modules/minimatch "
          "crumbjar/node_modules/@eslint/js crumbjar/lib"),
        B("oc-bash-find-printf-espree-eslint-scope", n_find,
          "find crumbjar/node_modules/espree crumbjar/node_modules/eslint-scope crumbjar/node_modules/esquery "
          "crumbjar/node_modules/cookie -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-cryptography-hazmat", n_tree,
          f"tree -a --noreport {sp}/cryptography/hazmat {sp}/mypy/typeshed/stdlib/email {sp}/iniconfig "
          f"{sp}/pluggy | head -n 600"),
        B("oc-bash-ps-aux-mem-head-90", n_ps_aux, "ps aux --sort=-rss | head -n 90"),
        B("oc-bash-sqlite-locale-largest", n_sqlite_col,
          "sqlite3 -header -column locale.db \"SELECT path, lang, domain, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 300\""),
        B("oc-bash-csv-grep-locale-de-fr", n_csv,
          "(head -n 1 locale.csv; grep -E '^(de|fr|pt_BR)/' locale.csv) | head -n 600"),
        B("oc-bash-log-grep-warn-error-tallowvat", n_app_log,
          "grep -v DEBUG tallowvat.log | grep -v ' INFO ' | head -n 400; grep -c ERROR tallowvat.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd crumbjar", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check crumbjar"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd jw-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C tallowvat -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build tallowvat"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-pyjwt-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|pytest\.raises\(", "path": "jw", "include": "*.py"}),
        Spec("oc-grep-typescript-promise-iterator", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(then|catch|finally|next|return|throw|entries|keys|values|fromEntries|allSettled|any|race)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-messages", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(unexpected|missing|unnecessary)\w*: \"",
              "path": "crumbjar/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-cookie-index", "oc-grep", "search", "grep",
             {"pattern": r"charCodeAt|throw new TypeError|str \+= ", "path": "crumbjar/lib"}),
        Spec("oc-glob-eslint-linter-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "crumbjar/node_modules/eslint/lib/linter"}),
        Spec("oc-glob-typescript-lib-es-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/lib.es20*.d.ts", "path": "crumbjar/node_modules/@typescript"}),
        Spec("oc-glob-tallowvat-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "tallowvat"}),
        Spec("oc-read-py-pyjwt-api-jwt", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/jw/jwt/api_jwt.py"}, "python"),
        Spec("oc-read-py-pyjwt-algorithms", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/jw/jwt/algorithms.py"}, "python"),
        Spec("oc-read-js-cookie", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/crumbjar/lib/cookie.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-readline", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/readline.html", "format": "markdown"}, source="doc/nodejs/api/readline.html"),
        Spec("oc-webfetch-html-libxslt-xsltutils", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/doc/libxslt1-dev/gtk-doc/html/libxslt/libxslt-xsltutils.html", "format": "html"},
             source="doc/libxslt1-dev/gtk-doc/html/libxslt/libxslt-xsltutils.html"),
        Spec("oc-webfetch-text-nodejs-dgram", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/doc/nodejs/api/dgram.html", "format": "text"}, source="doc/nodejs/api/dgram.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28306) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28306), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28306 and the stub model on 38306, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38306)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/pyjwt-2.15.1 jw && cp -r {tmp}/pyjwt-git jw-git && "
        f"cp -r {tmp}/tallowvat tallowvat && cp -r {tmp}/cooperhoop cooperhoop && "
        f"cp {tmp}/data/locale.db {tmp}/data/locale.csv {tmp}/data/tallowvat.log . && mkdir crumbjar && "
        f"cp -r {tmp}/crumbjar/lib {tmp}/crumbjar/spec {tmp}/crumbjar/package.json "
        f"{tmp}/crumbjar/eslint.config.js {tmp}/crumbjar/tsconfig.json crumbjar/ && "
        f"ln -s {JS}/node_modules crumbjar/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf jw/.mypy_cache jw/.ruff_cache "
        "jw/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=306,
    )


STEPS = [opencode]
