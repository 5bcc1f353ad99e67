"""Round 264, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken parse sdist and its git history, the pathwarden project
(property-expr), the winnowrig C project, the spokewright crate and the openscap file table; its bash tool runs pytest,
ruff, mypy, node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents
chain them), its grep searches parse's and property-expr's sources, TypeScript's lib and eslint's rules, its glob
lists files, its read prints source files, and its webfetch fetches texinfo's HTML manual served on
loopback (markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines
(a chain's from each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items'
from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide264.py."""

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
from capture_wide264 import JS, VENV, add

TSL = "pathwarden/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"texinfo": "/usr/share/doc/texinfo/html"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-v-tail-parse", n_pytest,
          "cd prs && python -m pytest -p no:cacheprovider -rA -v tests/ 2>&1 | tail -n 420"),
        B("oc-bash-ruff-full-parse", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full prs/parse/__init__.py "
          "prs/tests/test_bugs.py 2>&1 | head -n 900"),
        B("oc-bash-mypy-strict-parse", n_mypy,
          "cd prs && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "parse/__init__.py tests/test_bugs.py tests/test_parsetype.py tests/test_pattern.py 2>&1 "
          "| tail -n 320"),
        B("oc-bash-node-test-pathwarden", n_node_test, "cd pathwarden && node --test spec/ 2>&1 | tail -n 500"),
        B("oc-bash-eslint-pathwarden", n_eslint, "cd pathwarden && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-winnowrig", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iwinnowrig/src winnowrig/src/winnow.c winnowrig/src/riddle_2[0-9].c"),
        B("oc-bash-cargo-test-spokewright", n_cargo_test, "cd spokewright && cargo test 2>&1 | tail -n 650"),
        B("oc-bash-cargo-clippy-spokewright", n_clippy, "cd spokewright && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-parse", n_blame, "cd prs-git && git blame -L 170,470 parse/__init__.py"),
        B("oc-bash-git-show-test-parse-part", n_show, "cd prs-git && git show ':/^test_parse: part 7'"),
        B("oc-bash-ls-laR-pathwarden-deps", n_ls_lR,
          "ls -laR pathwarden/node_modules/property-expr pathwarden/node_modules/word-wrap pathwarden/node_modules/prelude-ls "
          "pathwarden/node_modules/type-check pathwarden/node_modules/@eslint pathwarden/lib"),
        B("oc-bash-find-printf-eslint-espree", n_find,
          "find pathwarden/node_modules/eslint/lib pathwarden/node_modules/espree pathwarden/node_modules/property-expr -type f "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 420"),
        B("oc-bash-tree-venv-typeshed-xml-os-plugins", n_tree,
          f"tree -a --noreport {sp}/mypy/typeshed/stdlib/xml {sp}/mypy/typeshed/stdlib/os {sp}/ruff "
          f"{sp}/mypy/plugins {sp}/pygments/lexers | head -n 650"),
        B("oc-bash-ps-aux-rss-head-120", n_ps_aux, "ps aux --sort=-rss | head -n 120"),
        B("oc-bash-sqlite-openscap-largest", n_sqlite_col,
          "sqlite3 -header -column openscap.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 260\""),
        B("oc-bash-csv-grep-openscap-xsl", n_csv, "(head -n 1 openscap.csv; grep '\\.xsl,' openscap.csv) | head -n 700"),
        B("oc-bash-log-grep-warn-error-winnowrig", n_app_log, "grep -v DEBUG winnowrig.log | grep -v ' INFO ' | head -n 400; grep -c ERROR winnowrig.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd pathwarden", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check pathwarden"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd prs-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C winnowrig -k -B 2>&1 | tail -n 320", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build winnowrig"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-parse-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+\(|assert(Raises|Equal)?\b", "path": "prs", "include": "*.py"}),
        Spec("oc-grep-typescript-string-methods", "oc-grep", "search", "grep",
             {"pattern": r"^\s+(replace|replaceAll|split|match|matchAll|padStart|padEnd|at|normalize)\(.*\): \w+", "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-schema-messages", "oc-grep", "search", "grep",
             {"pattern": r"messages: \{|schema: \[\]|fixable: \"(code|whitespace)\"", "path": "pathwarden/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-property-expr-functions", "oc-grep", "search", "grep",
             {"pattern": r"function|return |REGEX|Cache", "path": "pathwarden/lib"}),
        Spec("oc-glob-node-modules-dts", "oc-glob", "listing", "glob",
             {"pattern": "**/*.d.ts", "path": "pathwarden/node_modules/@typescript"}),
        Spec("oc-glob-node-modules-eslint-lib", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "pathwarden/node_modules/eslint/lib/linter"}),
        Spec("oc-glob-parse-py-files", "oc-glob", "listing", "glob", {"pattern": "**/*.py*", "path": "prs"}),
        Spec("oc-read-py-parse-init", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/prs/parse/__init__.py"}, "python"),
        Spec("oc-read-py-parse-test-parse", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/prs/tests/test_parse.py"}, "python"),
        Spec("oc-read-js-property-expr", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/pathwarden/lib/property-expr.cjs"}, "js"),
        Spec("oc-webfetch-md-texinfo-invoking-texi2any", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/texinfo/Invoking-texi2any.html", "format": "markdown"},
             source="texinfo/Invoking-texi2any.html"),
        Spec("oc-webfetch-html-texinfo-html-customization-variables", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/texinfo/HTML-Customization-Variables.html", "format": "html"},
             source="texinfo/HTML-Customization-Variables.html"),
        Spec("oc-webfetch-text-texinfo-other-customization-variables", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/texinfo/Other-Customization-Variables.html", "format": "text"},
             source="texinfo/Other-Customization-Variables.html"),
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
        f"cp -r {tmp}/parse-1.22.4 prs && cp -r {tmp}/prs-git prs-git && "
        f"cp -r {tmp}/winnowrig winnowrig && cp -r {tmp}/spokewright spokewright && "
        f"cp {tmp}/data/openscap.db {tmp}/data/openscap.csv {tmp}/data/winnowrig.log . && mkdir pathwarden && "
        f"cp -r {tmp}/pathwarden/lib {tmp}/pathwarden/spec {tmp}/pathwarden/package.json "
        f"{tmp}/pathwarden/eslint.config.js {tmp}/pathwarden/tsconfig.json pathwarden/ && "
        f"ln -s {JS}/node_modules pathwarden/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf prs/.mypy_cache prs/.ruff_cache "
        "prs/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=264,
    )


STEPS = [opencode]
