"""Round 184, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding copies of the
broken shortuuid sdist and its git history, the timeslip project (parse-duration), the quaywarden C project, the
oarstroke crate and the shared-library table; its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, make,
cargo, git, listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep searches shortuuid's
and parse-duration's sources, TypeScript's lib and eslint's rules, its glob lists files, its read prints source files,
and its webfetch fetches qemu's system manual pages served on loopback (markdown,
html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a chain's from
each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items' from
capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run
through capture_wide184.py."""

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
from capture_wide184 import JS, VENV, add

TSL = "timeslip/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"qemu": "/usr/share/doc/qemu-system-common/system"}


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-shortuuid", n_pytest,
          "cd shortuuid && python -m pytest -p no:cacheprovider -rA -v shortuuid 2>&1 | tail -n 500"),
        B("oc-bash-ruff-full-shortuuid", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full shortuuid 2>&1 | head -n 900"),
        B("oc-bash-mypy-strict-shortuuid", n_mypy,
          "cd shortuuid && mypy --strict --no-incremental --cache-dir=/dev/null --pretty shortuuid 2>&1 | tail -n 300"),
        B("oc-bash-node-test-timeslip", n_node_test, "cd timeslip && node --test spec/ 2>&1 | tail -n 400"),
        B("oc-bash-eslint-timeslip", n_eslint, "cd timeslip && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-quaywarden", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iquaywarden/src quaywarden/src/ledger.c quaywarden/src/quay_1[0-9].c"),
        B("oc-bash-cargo-test-oarstroke", n_cargo_test, "cd oarstroke && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-oarstroke", n_clippy, "cd oarstroke && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-main", n_blame, "cd shortuuid-git && git blame shortuuid/main.py"),
        B("oc-bash-git-show-tests-part", n_show, "cd shortuuid-git && git show ':/^test_shortuuid: part 5'"),
        B("oc-bash-ls-laR-timeslip-deps", n_ls_lR,
          "ls -laR timeslip/node_modules/parse-duration timeslip/node_modules/@eslint timeslip/lib"),
        B("oc-bash-find-printf-typescript", n_find,
          f"find {TSL} -maxdepth 1 -type f -printf '%M %u %s %p\\n' | sort -k4 "
          "| head -n 400"),
        B("oc-bash-tree-venv-mypy", n_tree, f"tree -a --noreport {VENV}/lib/python3*/site-packages/mypy | head -n 600"),
        B("oc-bash-ps-aux-head-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("oc-bash-sqlite-libs-largest", n_sqlite_col,
          "sqlite3 -header -column libs.db \"SELECT name, CAST(bytes AS INT) AS bytes, type, links, modified FROM libs "
          "WHERE type = 'f' ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-head-libs", n_csv, "head -n 800 libs.csv"),
        B("oc-bash-log-tail-ticketdesk", n_app_log, "tail -n 1000 ticketdesk.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd timeslip", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check timeslip"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd shortuuid-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C quaywarden -k 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build quaywarden"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-shortuuid-def-self", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|self\.\w+ =|assert\w*\(", "path": "shortuuid", "include": "*.py"}),
        Spec("oc-grep-typescript-lib-interface", "oc-grep", "search", "grep",
             {"pattern": r"^interface \w+(Event|Options)\b", "path": TSL,
              "include": "lib.dom.d.ts"}),
        Spec("oc-grep-eslint-lib-report", "oc-grep", "search", "grep",
             {"pattern": r"context\.report\(|messageId: \"unexpected",
              "path": "timeslip/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-parse-duration-unit", "oc-grep", "search", "grep",
             {"pattern": r"unit\.\w+", "path": "timeslip/lib"}),
        Spec("oc-glob-typescript-lib", "oc-glob", "listing", "glob",
             {"pattern": "**/*.d.ts", "path": TSL}),
        Spec("oc-glob-quaywarden-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "quaywarden"}),
        Spec("oc-read-py-shortuuid-main", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/shortuuid/shortuuid/main.py"}, "python"),
        Spec("oc-read-py-shortuuid-tests", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/shortuuid/shortuuid/test_shortuuid.py"}, "python"),
        Spec("oc-read-js-parse-duration", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/timeslip/lib/parse-duration.js"}, "js"),
        Spec("oc-webfetch-md-qemu-target-riscv", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/qemu/target-riscv.html", "format": "markdown"}, source="qemu/target-riscv.html"),
        Spec("oc-webfetch-html-qemu-cpu-hotplug", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/qemu/cpu-hotplug.html", "format": "html"}, source="qemu/cpu-hotplug.html"),
        Spec("oc-webfetch-text-qemu-guest-loader", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/qemu/guest-loader.html", "format": "text"}, source="qemu/guest-loader.html"),
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
        f"cp -r {tmp}/shortuuid-1.0.13 shortuuid && cp -r {tmp}/shortuuid-git shortuuid-git && "
        f"cp -r {tmp}/quaywarden quaywarden && cp -r {tmp}/oarstroke oarstroke && "
        f"cp {tmp}/data/libs.db {tmp}/data/libs.csv {tmp}/data/ticketdesk.log . && mkdir timeslip && "
        f"cp -r {tmp}/timeslip/lib {tmp}/timeslip/spec {tmp}/timeslip/package.json {tmp}/timeslip/eslint.config.js "
        f"{tmp}/timeslip/tsconfig.json timeslip/ && ln -s {JS}/node_modules timeslip/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf shortuuid/.mypy_cache shortuuid/.ruff_cache "
        "shortuuid/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=184093,
    )


STEPS = [opencode]
