"""Round 238, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way, through round 191's driver run_round) over this round's material:
a work directory holding copies of the broken num2words sdist and its git history, the tallyword project (pluralize),
the quernstone C project, the rivetgauge crate and the squid-langpack file table; its bash tool runs pytest, ruff,
mypy, node --test, eslint, tsc, make, cargo, git, listings, ps, sqlite3 and the log there (some chained as agents chain
them), its grep searches num2words' and pluralize's sources, TypeScript's lib and eslint's rules, its glob lists files,
its read prints source files, and its webfetch fetches swish-e's HTML documentation served on loopback (markdown, html
and text). Each bash item's needles come from the extractor of the tool that printed its lines (a chain's from each
part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items' from
capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run
through capture_wide238.py."""

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
from capture_wide238 import JS, VENV, add

TSL = "tallyword/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"swish-e": "/usr/share/doc/swish-e/html"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-tail-num2words", n_pytest,
          "cd n2w && python -m pytest -p no:cacheprovider -rA tests/test_en.py tests/test_en_in.py "
          "tests/test_en_ng.py tests/test_currency.py tests/test_base.py tests/test_fr.py 2>&1 | tail -n 320"),
        B("oc-bash-ruff-full-num2words", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full n2w/num2words/lang_EN.py "
          "n2w/num2words/base.py n2w/num2words/lang_ES.py 2>&1 | head -n 1000"),
        B("oc-bash-mypy-strict-num2words", n_mypy,
          "cd n2w && mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty "
          "num2words/base.py num2words/lang_EN.py num2words/lang_EU.py tests/test_en.py 2>&1 | tail -n 320"),
        B("oc-bash-node-test-tallyword", n_node_test, "cd tallyword && node --test spec/ 2>&1 | tail -n 450"),
        B("oc-bash-eslint-tallyword", n_eslint, "cd tallyword && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-quernstone", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iquernstone/src quernstone/src/quern.c quernstone/src/runner_1[0-9].c"),
        B("oc-bash-cargo-test-rivetgauge", n_cargo_test, "cd rivetgauge && cargo test 2>&1 | tail -n 650"),
        B("oc-bash-cargo-clippy-rivetgauge", n_clippy, "cd rivetgauge && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-base", n_blame, "cd n2w-git && git blame -L 60,310 num2words/base.py"),
        B("oc-bash-git-show-lang-fr-part", n_show, "cd n2w-git && git show ':/^lang_FR: part 3'"),
        B("oc-bash-ls-laR-tallyword-deps", n_ls_lR,
          "ls -laR tallyword/node_modules/pluralize tallyword/node_modules/word-wrap tallyword/node_modules/type-check "
          "tallyword/node_modules/prelude-ls tallyword/node_modules/@eslint/plugin-kit tallyword/lib"),
        B("oc-bash-find-printf-eslint-rules", n_find,
          "find tallyword/node_modules/eslint/lib/rules tallyword/node_modules/uri-js -type f "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 400"),
        B("oc-bash-tree-venv-pygments-typeshed-email", n_tree,
          f"tree -a --noreport {sp}/_pytest {sp}/mypy/typeshed/stdlib/email {sp}/pluggy {sp}/pathspec "
          f"{sp}/pygments/styles | head -n 600"),
        B("oc-bash-ps-aux-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-langpack-largest", n_sqlite_col,
          "sqlite3 -header -column langpack.db \"SELECT path, CAST(bytes AS INT) AS bytes, type, links, modified "
          "FROM files ORDER BY CAST(bytes AS INT) DESC, path LIMIT 320\""),
        B("oc-bash-csv-grep-langpack-p-z", n_csv, "(head -n 1 langpack.csv; grep '^[p-z]' langpack.csv) | head -n 700"),
        B("oc-bash-log-grep-warn-quernstone", n_app_log, "grep -v DEBUG quernstone.log | tail -n 450"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd tallyword", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check tallyword"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd n2w-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C quernstone -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build quernstone"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-num2words-def-return-raise", "oc-grep", "search", "grep",
             {"pattern": r"def to_\w+|raise \w+|return \(", "path": "n2w/num2words", "include": "lang_[A-F]*.py"}),
        Spec("oc-grep-typescript-promise-methods", "oc-grep", "search", "grep",
             {"pattern": r"\): Promise<\w+>;|^interface \w+Constructor", "path": TSL, "include": "lib.es20*.d.ts"}),
        Spec("oc-grep-eslint-rules-messages", "oc-grep", "search", "grep",
             {"pattern": r"fixable: \"(code|whitespace)\"|hasSuggestions: true",
              "path": "tallyword/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-pluralize-rules", "oc-grep", "search", "grep",
             {"pattern": r"\[/.*/i, '\$1\w*'\]|^    '[a-z]+',$", "path": "tallyword/lib"}),
        Spec("oc-glob-node-modules-package-json", "oc-glob", "listing", "glob",
             {"pattern": "**/package.json", "path": "tallyword/node_modules"}),
        Spec("oc-glob-num2words-tests", "oc-glob", "listing", "glob", {"pattern": "**/test_*.py", "path": "n2w"}),
        Spec("oc-read-py-num2words-base", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/n2w/num2words/base.py"}, "python"),
        Spec("oc-read-py-num2words-test-en", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/n2w/tests/test_en.py"}, "python"),
        Spec("oc-read-js-pluralize", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/tallyword/lib/pluralize.cjs"}, "js"),
        Spec("oc-webfetch-md-swish-e-faq", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/swish-e/swish-faq.html", "format": "markdown"},
             source="swish-e/swish-faq.html"),
        Spec("oc-webfetch-html-swish-e-api", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/swish-e/api.html", "format": "html"},
             source="swish-e/api.html"),
        Spec("oc-webfetch-text-swish-e-search", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/swish-e/swish-search.html", "format": "text"},
             source="swish-e/swish-search.html"),
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
        f"cp -r {tmp}/num2words-0.5.14 n2w && cp -r {tmp}/n2w-git n2w-git && "
        f"cp -r {tmp}/quernstone quernstone && cp -r {tmp}/rivetgauge rivetgauge && "
        f"cp {tmp}/data/langpack.db {tmp}/data/langpack.csv {tmp}/data/quernstone.log . && mkdir tallyword && "
        f"cp -r {tmp}/tallyword/lib {tmp}/tallyword/spec {tmp}/tallyword/package.json "
        f"{tmp}/tallyword/eslint.config.js {tmp}/tallyword/tsconfig.json tallyword/ && "
        f"ln -s {JS}/node_modules tallyword/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf n2w/.mypy_cache n2w/.ruff_cache "
        "n2w/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=238,
    )


STEPS = [opencode]
