"""Round 348, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken docstring_parser sdist and its git history, the galleyproof project
(color-convert), the tympanset C project, the platenpress crate, the /usr/share/ghostscript file table and copies of the
venv's pathspec and iniconfig packages (vendor/, for mypy); its bash tool runs pytest, ruff, mypy, node --test, eslint,
tsc, gcc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained or piped as agents type them), its
grep searches docstring_parser's sources, TypeScript's lib, eslint's source and the copied color-convert, its glob lists
files, its read prints source files, and its webfetch fetches pcb-rnd's installed HTML documentation served on
loopback (markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its
lines (a chain's from each part's own, its parts run again outside OpenCode, round 35, through capture_wide191_oc.C);
grep, glob, read and webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Round 341's
OpenCode step is the pattern (its doc server and stub put on this round's ports the same way). Runs last (it copies
the earlier steps' trees). Run through capture_wide348.py."""

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
from capture_wide348 import JS, VENV, add

TSL = "galleyproof/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"doc": "/usr/share/doc"}
PR = "doc/pcb-rnd"


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-docstring-parser", n_pytest,
          "cd dp && python -m pytest --color=no -p no:cacheprovider -rA -v docstring_parser/tests/test_rest.py "
          "docstring_parser/tests/test_epydoc.py docstring_parser/tests/test_parser.py 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-docstring-parser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full dp/docstring_parser/google.py "
          "dp/docstring_parser/numpydoc.py dp/docstring_parser/tests/test_numpydoc.py 2>&1 | head -n 1000"),
        B("oc-bash-node-test-galleyproof", n_node_test, "cd galleyproof && node --test spec/ 2>&1 | tail -n 520"),
        B("oc-bash-eslint-galleyproof", n_eslint, "cd galleyproof && npx eslint lib spec | head -n 300"),
        B("oc-bash-gcc-syntax-tympanset", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Itympanset/src tympanset/src/forme.c tympanset/src/press_2[0-9].c"),
        B("oc-bash-cargo-test-platenpress", n_cargo_test, "cd platenpress && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-platenpress", n_clippy, "cd platenpress && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-docstring-parser-numpydoc", n_blame,
          "cd dp-git && git blame -L 20,180 docstring_parser/numpydoc.py"),
        B("oc-bash-git-show-docstring-parser-part", n_show, "cd dp-git && git show ':/^rest: part 3'"),
        B("oc-bash-ls-laR-galleyproof-deps", n_ls_lR,
          "ls -laR galleyproof/node_modules/color-convert galleyproof/node_modules/color-name "
          "galleyproof/node_modules/esquery galleyproof/node_modules/optionator galleyproof/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find galleyproof/node_modules/eslint-scope galleyproof/node_modules/file-entry-cache "
          "galleyproof/node_modules/minimatch galleyproof/node_modules/color-convert -type f -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-pygments-packaging", n_tree,
          f"tree -a --noreport {sp}/pygments/formatters {sp}/packaging {sp}/pathspec {sp}/iniconfig "
          f"{sp}/_pytest/assertion {sp}/mypy/plugins | head -n 600"),
        B("oc-bash-ps-aux-mem-head-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        B("oc-bash-sqlite-gsfiles-largest", n_sqlite_col,
          "sqlite3 -header -column gsfiles.db \"SELECT path, area, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM gsfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 180\""),
        B("oc-bash-csv-grep-gsfiles-resource", n_csv,
          "(head -n 1 gsfiles.csv; grep -E '/Resource/(Init|Decoding|CIDFSubst|SubstCID|ColorSpace)/' gsfiles.csv) "
          "| head -n 400"),
        B("oc-bash-log-grep-warn-error-pressroom", n_app_log,
          "grep -v DEBUG pressroom.log | grep -v ' INFO ' | head -n 400; grep -c ERROR pressroom.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd galleyproof", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check galleyproof"))
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-docstring-parser-vendor", "chain-lint", "lint",
               [Part("cd dp", None), Part(f"{mypy} docstring_parser", n_mypy, "&&"), Part("cd ../vendor", None, ";"),
                Part(f"{mypy} pathspec iniconfig 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check docstring_parser, then the vendored pathspec and iniconfig"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd dp-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C tympanset -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build tympanset"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-docstring-parser-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|re\.compile\(|assert ", "path": "dp/docstring_parser",
              "include": "*.py"}),
        Spec("oc-grep-typescript-string-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(pad\w+|trim\w*|replace\w*|split|match\w*|normalize|localeCompare|codePointAt|at)[<(].*\): ",
              "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-source-code-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|new TypeError\(", "path": "galleyproof/node_modules/eslint/lib/languages"}),
        Spec("oc-grep-color-convert-lib", "oc-grep", "search", "grep",
             {"pattern": r"^convert\.\w+\.\w+ = |Math\.round\(|return \[", "path": "galleyproof/lib/color"}),
        Spec("oc-glob-eslint-rules-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "galleyproof/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-vendor-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": "vendor"}),
        Spec("oc-glob-tympanset-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "tympanset"}),
        Spec("oc-read-py-docstring-parser-rest", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/dp/docstring_parser/rest.py"}, "python"),
        Spec("oc-read-py-docstring-parser-numpydoc", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/dp/docstring_parser/numpydoc.py"}, "python"),
        Spec("oc-read-js-color-conversions-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/galleyproof/lib/color/conversions.cjs"}, "js"),
        Spec("oc-webfetch-md-pcb-rnd-model", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/{PR}/user/02_model/index.html", "format": "markdown"},
             source=f"{PR}/user/02_model/index.html"),
        Spec("oc-webfetch-html-pcb-rnd-keys", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/{PR}/keys.html", "format": "html"}, source=f"{PR}/keys.html"),
        Spec("oc-webfetch-text-pcb-rnd-action-reference", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/{PR}/user/09_appendix/action_reference.html", "format": "text"},
             source=f"{PR}/user/09_appendix/action_reference.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28348) instead of a free one."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28348), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call (the doc
    server on port 28348 and the stub model on 38348, the round's own ports)."""
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38348)
    try:
        _run(tmp)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def _run(tmp: Path) -> None:
    run_round(
        tmp,
        f"cp -r {tmp}/docstring_parser-0.18.0 dp && cp -r {tmp}/docstring_parser-git dp-git && "
        f"cp -r {tmp}/tympanset tympanset && cp -r {tmp}/platenpress platenpress && "
        f"cp {tmp}/data/gsfiles.db {tmp}/data/gsfiles.csv {tmp}/data/pressroom.log . && mkdir galleyproof && "
        f"cp -r {tmp}/galleyproof/lib {tmp}/galleyproof/spec {tmp}/galleyproof/package.json "
        f"{tmp}/galleyproof/eslint.config.js {tmp}/galleyproof/tsconfig.json galleyproof/ && "
        f"ln -s {JS}/node_modules galleyproof/node_modules && mkdir vendor && "
        f"cp -r {VENV}/lib/python3.11/site-packages/pathspec {VENV}/lib/python3.11/site-packages/iniconfig vendor/",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf dp/.mypy_cache dp/.ruff_cache dp/.pytest_cache "
        "vendor/.mypy_cache",
        DOCS, VENV, JS, specs, add, seed=34810,
    )


STEPS = [opencode]
