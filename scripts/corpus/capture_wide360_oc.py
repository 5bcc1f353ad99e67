"""Round 360, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken u-msgpack-python sdist and its git history, the hoppocket project
(strftime), the oastkiln C project, the binetwine crate, the /usr/share/gputils file table and a copy of the venv's
shellingham package (vendor/, for mypy); its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, gcc, make,
cargo, git, listings, ps, sqlite3 and the log there (some chained or piped as agents type them), its grep searches
umsgpack's sources, TypeScript's lib, eslint's rule tester and the copied strftime, its glob lists files, its read
prints source files, and its webfetch fetches privoxy's installed HTML pages served on loopback (markdown, html and
text). Each bash item's needles come from the extractor of the tool that printed its lines (a chain's from each
part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C); grep, glob, read and
webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Rounds 341's and 356's OpenCode
step is the pattern (its doc server and stub put on this round's ports the same way). Runs last (it copies the
earlier steps' trees). Run through capture_wide360.py."""

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
from capture_wide360 import JS, VENV, add

TSL = "hoppocket/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}
FW = "doc/privoxy"


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-umsgpack", n_pytest,
          "cd ms && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v test_umsgpack.py 2>&1 "
          "| tail -n 380"),
        B("oc-bash-ruff-full-umsgpack", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full ms/umsgpack ms/test_umsgpack.py 2>&1 "
          "| head -n 1000"),
        B("oc-bash-node-test-hoppocket", n_node_test, "cd hoppocket && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-hoppocket", n_eslint, "cd hoppocket && npx eslint lib spec | head -n 520"),
        B("oc-bash-gcc-syntax-oastkiln", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ioastkiln/src oastkiln/src/kiln.c oastkiln/src/roundel_1[0-9].c"),
        B("oc-bash-cargo-test-binetwine", n_cargo_test, "cd binetwine && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-binetwine", n_clippy, "cd binetwine && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-umsgpack-init", n_blame, "cd ms-git && git blame -L 280,460 umsgpack/__init__.py"),
        B("oc-bash-git-show-umsgpack-part", n_show, "cd ms-git && git show ':/^__init__: part 5'"),
        B("oc-bash-ls-laR-hoppocket-deps", n_ls_lR,
          "ls -laR hoppocket/node_modules/strftime hoppocket/node_modules/word-wrap "
          "hoppocket/node_modules/type-check hoppocket/node_modules/levn hoppocket/node_modules/@eslint/plugin-kit hoppocket/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find hoppocket/node_modules/espree hoppocket/node_modules/flat-cache "
          "hoppocket/node_modules/ajv hoppocket/node_modules/@humanfs -type f -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-shellingham-pluggy", n_tree,
          f"tree -a --noreport {sp}/shellingham {sp}/pluggy {sp}/_pytest/_code {sp}/pygments/formatters "
          f"{sp}/mypy/dmypy {sp}/iniconfig | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-90", n_ps_aux, "ps aux --sort=-%cpu | head -n 90"),
        B("oc-bash-sqlite-gpfiles-largest", n_sqlite_col,
          "sqlite3 -header -column gpfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM gpfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 180\""),
        B("oc-bash-csv-grep-gpfiles-lkr", n_csv,
          "(head -n 1 gpfiles.csv; grep -E '^lkr/(1[0-9]|2[0-9])' gpfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-hopgarden", n_app_log,
          "grep -v DEBUG hopgarden.log | grep -v ' INFO ' | head -n 400; grep -c ERROR hopgarden.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd hoppocket", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check hoppocket"))
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-umsgpack-vendor", "chain-lint", "lint",
               [Part("cd ms", None), Part(f"{mypy} umsgpack test_umsgpack.py 2>&1 | tail -n 400", n_mypy, "&&"),
                Part("cd ../vendor", None, ";"), Part(f"{mypy} shellingham 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check umsgpack, then the vendored shellingham"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd ms-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C oastkiln -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build oastkiln"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-umsgpack-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|assertRaises\(|struct\.pack\(", "path": "ms", "include": "*.py"}),
        Spec("oc-grep-typescript-date-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(get\w*(Date|Day|Hours|Minutes|Month|FullYear|Seconds)|set\w*(Hours|Minutes)|toLocale\w+String|toISOString)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rule-tester-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|assert\.\w+\(", "path": "hoppocket/node_modules/eslint/lib/rule-tester"}),
        Spec("oc-grep-strftime-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|case \d+:|padTill\d\(|getTimezoneOffset", "path": "hoppocket/lib"}),
        Spec("oc-glob-eslint-rules-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "hoppocket/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-vendor-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": "vendor"}),
        Spec("oc-glob-oastkiln-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "oastkiln"}),
        Spec("oc-read-py-umsgpack-init", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/ms/umsgpack/__init__.py"}, "python"),
        Spec("oc-read-py-umsgpack-test", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/ms/test_umsgpack.py"}, "python"),
        Spec("oc-read-js-strftime-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/hoppocket/lib/strftime.cjs"}, "js"),
        Spec("oc-webfetch-md-privoxy-coding", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/{FW}/developer-manual/coding.html", "format": "markdown"},
             source=f"{FW}/developer-manual/coding.html"),
        Spec("oc-webfetch-html-privoxy-faq-config", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/{FW}/faq/configuration.html", "format": "html"}, source=f"{FW}/faq/configuration.html"),
        Spec("oc-webfetch-text-privoxy-quickstart", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/{FW}/user-manual/quickstart.html", "format": "text"},
             source=f"{FW}/user-manual/quickstart.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28360) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28360), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28360 and the stub model on 38360, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38360)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/u-msgpack-python-2.8.0 ms && cp -r {tmp}/umsgpack-git ms-git && "
        f"cp -r {tmp}/oastkiln oastkiln && cp -r {tmp}/binetwine binetwine && "
        f"cp {tmp}/data/gpfiles.db {tmp}/data/gpfiles.csv {tmp}/data/hopgarden.log . && mkdir hoppocket && "
        f"cp -r {tmp}/hoppocket/lib {tmp}/hoppocket/spec {tmp}/hoppocket/package.json "
        f"{tmp}/hoppocket/eslint.config.js {tmp}/hoppocket/tsconfig.json hoppocket/ && "
        f"ln -s {JS}/node_modules hoppocket/node_modules && mkdir vendor && "
        f"cp -r {VENV}/lib/python3.11/site-packages/shellingham vendor/",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf ms/.mypy_cache ms/.ruff_cache ms/.pytest_cache "
        "vendor/.mypy_cache",
        DOCS, VENV, JS, specs, add, seed=36010,
    )


STEPS = [opencode]
