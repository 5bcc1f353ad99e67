"""Round 199, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding copies of the
broken semantic_version sdist and its git history, the idnakit project (punycode), the ropewalk C project, the sextant
crate and the /usr/bin table; its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, make, cargo, git,
listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep searches semantic_version's and
punycode's sources, TypeScript's lib and eslint's rules, its glob lists files, its read prints source files, and its
webfetch fetches verilator's manual pages served on loopback (markdown, html and text). Each bash item's needles come
from the extractor of the tool that printed its lines (a chain's from each part's own, its parts run again outside
OpenCode, round 35); grep, glob, read and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run through capture_wide199.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_app_log, n_tree
from capture_opencode import Spec
from capture_wide9b import Part
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_test, n_clippy, n_gcc
from capture_wide15_oc import n_blame, n_diff, n_show, n_status, oc_ext
from capture_wide191_oc import B, C, run_round
from capture_wide199 import JS, VENV, add

TSL = "idnakit/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"verilator": "/usr/share/doc/verilator/html"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-semver", n_pytest,
          "cd semver && python -m pytest -p no:cacheprovider -rA tests 2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-semver", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full semver/semantic_version 2>&1 | head -n 900"),
        B("oc-bash-mypy-strict-semver", n_mypy,
          "cd semver && mypy --strict --no-incremental --cache-dir=/dev/null --pretty semantic_version 2>&1 | tail -n 300"),
        B("oc-bash-node-test-idnakit", n_node_test, "cd idnakit && node --test spec/ 2>&1 | tail -n 400"),
        B("oc-bash-eslint-idnakit", n_eslint, "cd idnakit && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-ropewalk", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iropewalk/src ropewalk/src/ledger.c ropewalk/src/strand_1[0-9].c"),
        B("oc-bash-cargo-test-sextant", n_cargo_test, "cd sextant && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-sextant", n_clippy, "cd sextant && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-base-L", n_blame, "cd semver-git && git blame -L 380,800 semantic_version/base.py"),
        B("oc-bash-git-show-test-base-part", n_show, "cd semver-git && git show ':/^test_base: part 7'"),
        B("oc-bash-ls-laR-idnakit-deps", n_ls_lR,
          "ls -laR idnakit/node_modules/punycode idnakit/node_modules/espree idnakit/node_modules/@eslint idnakit/lib"),
        B("oc-bash-find-printf-ajv-lib", n_find,
          "find idnakit/node_modules/ajv idnakit/node_modules/eslint/lib/linter -type f -printf '%M %u %s %p\\n' "
          "| sort -k4 | head -n 400"),
        B("oc-bash-tree-venv-typeshed", n_tree,
          f"tree -a --noreport {VENV}/lib/python3*/site-packages/mypy/typeshed/stdlib | head -n 600"),
        B("oc-bash-ps-aux-head-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("oc-bash-sqlite-bins-largest", n_sqlite_col,
          "sqlite3 -header -column bins.db \"SELECT name, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM bins ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-head-bins", n_csv, "head -n 800 bins.csv"),
        B("oc-bash-log-tail-ropewalk", n_app_log, "tail -n 400 ropewalk.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd idnakit", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check idnakit"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd semver-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C ropewalk -k 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build ropewalk"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-semver-def-self-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|self\.\w+ = |raise \w+\(", "path": "semver", "include": "*.py"}),
        Spec("oc-grep-typescript-es-constructor", "oc-grep", "search", "grep",
             {"pattern": r"^declare var \w+: \w+Constructor;|^interface \w+Constructor \{", "path": TSL,
              "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-messageid", "oc-grep", "search", "grep",
             {"pattern": r"messageId: \"\w+\"|fixable: \"(code|whitespace)\"",
              "path": "idnakit/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-punycode-functions", "oc-grep", "search", "grep",
             {"pattern": r"const \w+ = |function\(|error\('", "path": "idnakit/lib"}),
        Spec("oc-glob-ajv-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "idnakit/node_modules/ajv"}),
        Spec("oc-glob-ropewalk-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "ropewalk"}),
        Spec("oc-read-py-semver-base", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/semver/semantic_version/base.py"}, "python"),
        Spec("oc-read-py-semver-test-base", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/semver/tests/test_base.py"}, "python"),
        Spec("oc-read-js-punycode", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/idnakit/lib/punycode.js"}, "js"),
        Spec("oc-webfetch-md-verilator-faq", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/verilator/faq.html", "format": "markdown"}, source="verilator/faq.html"),
        Spec("oc-webfetch-html-verilator-connecting", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/verilator/connecting.html", "format": "html"}, source="verilator/connecting.html"),
        Spec("oc-webfetch-text-verilator-simulating", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/verilator/simulating.html", "format": "text"}, source="verilator/simulating.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call."""
    run_round(
        tmp,
        f"cp -r {tmp}/semantic_version-2.10.0 semver && cp -r {tmp}/semver-git semver-git && "
        f"cp -r {tmp}/ropewalk ropewalk && cp -r {tmp}/sextant sextant && "
        f"cp {tmp}/data/bins.db {tmp}/data/bins.csv {tmp}/data/ropewalk.log . && mkdir idnakit && "
        f"cp -r {tmp}/idnakit/lib {tmp}/idnakit/spec {tmp}/idnakit/package.json {tmp}/idnakit/eslint.config.js "
        f"{tmp}/idnakit/tsconfig.json idnakit/ && ln -s {JS}/node_modules idnakit/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf semver/.mypy_cache semver/.ruff_cache "
        "semver/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=199,
    )


STEPS = [opencode]
