"""Round 222, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken w3lib sdist and its git history, the uasniff project (ua-parser-js), the
pitchkiln C project, the peatcutter crate and the i18n file table; its bash tool runs pytest, ruff, mypy, node --test,
eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep
searches w3lib's and ua-parser-js's sources, TypeScript's lib and eslint's rules, its glob lists files, its read prints
source files, and its webfetch fetches pspp's HTML manual served on loopback (markdown, html and text). Each bash
item's needles come from the extractor of the tool that printed its lines (a chain's from each part's own, its parts
run again outside OpenCode, round 35); grep, glob, read and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run through capture_wide222.py."""

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
from capture_wide222 import JS, VENV, add

TSL = "uasniff/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"pspp": "/usr/share/doc/pspp"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-w3lib", n_pytest,
          "cd w3l && python -m pytest -p no:cacheprovider -rA tests/test_url.py tests/test_util.py 2>&1 | tail -n 320"),
        B("oc-bash-ruff-full-w3lib", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full w3l/w3lib/url.py w3l/w3lib/html.py "
          "2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-w3lib", n_mypy,
          "cd w3l && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty w3lib "
          "tests/test_html.py tests/test_http.py tests/test_util.py tests/test_encoding.py 2>&1 | tail -n 320"),
        B("oc-bash-node-test-uasniff", n_node_test, "cd uasniff && node --test spec/ 2>&1 | tail -n 450"),
        B("oc-bash-eslint-uasniff", n_eslint, "cd uasniff && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-pitchkiln", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ipitchkiln/src pitchkiln/src/kiln.c pitchkiln/src/flue_1[0-9].c"),
        B("oc-bash-cargo-test-peatcutter", n_cargo_test, "cd peatcutter && cargo test 2>&1 | tail -n 650"),
        B("oc-bash-cargo-clippy-peatcutter", n_clippy, "cd peatcutter && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-url-L", n_blame, "cd w3l-git && git blame -L 300,700 w3lib/url.py"),
        B("oc-bash-git-show-html-part", n_show, "cd w3l-git && git show ':/^html: part 6'"),
        B("oc-bash-ls-laR-uasniff-deps", n_ls_lR,
          "ls -laR uasniff/node_modules/ua-parser-js uasniff/node_modules/optionator uasniff/node_modules/levn "
          "uasniff/node_modules/@humanfs uasniff/lib"),
        B("oc-bash-find-printf-typescript-lib", n_find,
          f"find {TSL} uasniff/node_modules/espree -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 400"),
        B("oc-bash-tree-venv-sortedcontainers-typeshed-xml", n_tree,
          f"tree -a --noreport {sp}/sortedcontainers {sp}/mypy/typeshed/stdlib/xml {sp}/hypothesis/strategies "
          f"{sp}/ruff | head -n 600"),
        B("oc-bash-ps-aux-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-i18n-largest", n_sqlite_col,
          "sqlite3 -header -column i18n.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 320\""),
        B("oc-bash-csv-grep-i18n-locales", n_csv, "(head -n 1 i18n.csv; grep '^locales/' i18n.csv) | head -n 700"),
        B("oc-bash-log-grep-warn-pitchkiln", n_app_log, "grep -v DEBUG pitchkiln.log | tail -n 450"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd uasniff", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check uasniff"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd w3l-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C pitchkiln -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build pitchkiln"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-w3lib-def-return-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|return \w+\(|raise \w+", "path": "w3l/w3lib", "include": "*.py"}),
        Spec("oc-grep-typescript-es2015-interfaces", "oc-grep", "search", "grep",
             {"pattern": r"^interface \w+ \{|^declare var \w+", "path": TSL, "include": "lib.es20*.d.ts"}),
        Spec("oc-grep-eslint-rules-recommended", "oc-grep", "search", "grep",
             {"pattern": r"recommended: true|type: \"(problem|layout)\"",
              "path": "uasniff/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-ua-parser-names", "oc-grep", "search", "grep",
             {"pattern": r"\[NAME, '[A-Z]\w+'\]|\[VENDOR, [A-Z]+\]", "path": "uasniff/lib"}),
        Spec("oc-glob-node-modules-readmes", "oc-glob", "listing", "glob",
             {"pattern": "**/*.md", "path": "uasniff/node_modules"}),
        Spec("oc-glob-pitchkiln-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "pitchkiln"}),
        Spec("oc-read-py-w3lib-url", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/w3l/w3lib/url.py"}, "python"),
        Spec("oc-read-py-w3lib-test-encoding", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/w3l/tests/test_encoding.py"}, "python"),
        Spec("oc-read-js-ua-parser", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/uasniff/lib/ua-parser.cjs"}, "js"),
        Spec("oc-webfetch-md-pspp-set", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/pspp/pspp.html/SET.html", "format": "markdown"},
             source="pspp/pspp.html/SET.html"),
        Spec("oc-webfetch-html-pspp-aggregate", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/pspp/pspp.html/AGGREGATE.html", "format": "html"},
             source="pspp/pspp.html/AGGREGATE.html"),
        Spec("oc-webfetch-text-pspp-crosstabs", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/pspp/pspp.html/CROSSTABS.html", "format": "text"},
             source="pspp/pspp.html/CROSSTABS.html"),
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
        f"cp -r {tmp}/w3lib-2.5.0 w3l && cp -r {tmp}/w3l-git w3l-git && "
        f"cp -r {tmp}/pitchkiln pitchkiln && cp -r {tmp}/peatcutter peatcutter && "
        f"cp {tmp}/data/i18n.db {tmp}/data/i18n.csv {tmp}/data/pitchkiln.log . && mkdir uasniff && "
        f"cp -r {tmp}/uasniff/lib {tmp}/uasniff/spec {tmp}/uasniff/package.json {tmp}/uasniff/eslint.config.js "
        f"{tmp}/uasniff/tsconfig.json uasniff/ && ln -s {JS}/node_modules uasniff/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf w3l/.mypy_cache w3l/.ruff_cache "
        "w3l/.pytest_cache w3l/.hypothesis",
        DOCS, VENV, JS, specs, add, seed=222,
    )


STEPS = [opencode]
