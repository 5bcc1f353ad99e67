"""Round 191, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the project's
stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding copies of the
broken portion sdist and its git history, the querykit project (query-string), the weirkeeper C project, the plumbline
crate and the installed-package table; its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, make, cargo,
git, listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep searches portion's and
query-string's sources, TypeScript's lib and eslint's rules, its glob lists files, its read prints source files, and
its webfetch fetches restic's manual pages served on loopback (markdown, html and text). Each bash item's needles come
from the extractor of the tool that printed its lines (a chain's from each part's own, its parts run again outside
OpenCode, round 35); grep, glob, read and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run through capture_wide191.py."""

from __future__ import annotations

import json
import os
import signal
import tempfile
import time
from pathlib import Path

import capture_more as cm
import capture_opencode as oc
from capture_more import clean_lines, n_app_log, n_tree, note, run
from capture_opencode import Spec
from capture_wide9b import Part, chain_command, run_chain
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_test, n_clippy, n_gcc
from capture_wide15_oc import n_blame, n_diff, n_show, n_status, oc_ext
from capture_wide191 import JS, VENV, add

TSL = "querykit/node_modules/@typescript/typescript-linux-x64/lib"  # TypeScript 7's lib .d.ts files
DOCS = {"restic": "/usr/share/doc/restic/html"}

def chain_ext(kind_name: str, family: str, parts: list[Part], root: Path, env: dict):
    """Round 9b's chain rule: each part's extractor on its own output (its parts run again here, outside OpenCode);
    a needle is kept when one of its strings is on a line of the item OpenCode handed over."""
    ran = run_chain(parts, root, env)
    needles: list = []
    for p, text in ran:
        if p.ext is not None and text.strip():
            needles += p.ext(clean_lines(text))
    rules = "; ".join(f"[{p.cmd[:60]}] {p.ext.kind}: {(p.ext.__doc__ or '').strip().splitlines()[0]}"
                      for p, _ in ran if p.ext is not None)

    def f(lines):
        keep = []
        for n in needles:
            alts = n["any"] if isinstance(n, dict) else [n]
            alts = [a for a in alts if any(a.strip()[:200] in ln for ln in lines)]
            if alts:
                keep.append(alts[0] if len(alts) == 1 else {"any": alts})
        return keep
    f.kind = kind_name
    f.__doc__ = f"union of each part's needles by its own kind's rule — {rules}"
    cm.KINDS[kind_name] = family
    return f


def B(item_id: str, ext, command: str, family: str = "") -> tuple[Spec, object]:
    return (Spec(item_id, ext.kind, family, "bash", {"command": command, "description": f"Run {command[:50]}"}), ext)


def C(item_id: str, kind_name: str, family: str, parts: list[Part], root: Path, env: dict, what: str):
    return (Spec(item_id, kind_name, family, "bash", {"command": chain_command(parts), "description": what}),
            chain_ext(kind_name, family, parts, root, env))


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-portion", n_pytest,
          "cd portion && python -m pytest -p no:cacheprovider -rA -v tests 2>&1 | tail -n 500"),
        B("oc-bash-ruff-full-portion", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full portion 2>&1 | head -n 900"),
        B("oc-bash-mypy-strict-portion", n_mypy,
          "cd portion && mypy --strict --no-incremental --cache-dir=/dev/null --pretty portion 2>&1 | tail -n 300"),
        B("oc-bash-node-test-querykit", n_node_test, "cd querykit && node --test spec/ 2>&1 | tail -n 400"),
        B("oc-bash-eslint-querykit", n_eslint, "cd querykit && npx eslint lib spec | head -n 500"),
        B("oc-bash-gcc-syntax-weirkeeper", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iweirkeeper/src weirkeeper/src/ledger.c weirkeeper/src/weir_1[0-9].c"),
        B("oc-bash-cargo-test-plumbline", n_cargo_test, "cd plumbline && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-plumbline", n_clippy, "cd plumbline && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-interval", n_blame, "cd portion-git && git blame portion/interval.py"),
        B("oc-bash-git-show-dict-part", n_show, "cd portion-git && git show ':/^dict: part 6'"),
        B("oc-bash-ls-laR-querykit-deps", n_ls_lR,
          "ls -laR querykit/node_modules/query-string querykit/node_modules/filter-obj "
          "querykit/node_modules/split-on-first querykit/node_modules/@eslint querykit/lib"),
        B("oc-bash-find-printf-eslint-lib", n_find,
          "find querykit/node_modules/eslint/lib -type f -printf '%M %u %s %p\\n' | sort -k4 | head -n 400"),
        B("oc-bash-tree-venv-pytest", n_tree, f"tree -a --noreport {VENV}/lib/python3*/site-packages/_pytest | head -n 600"),
        B("oc-bash-ps-aux-head-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("oc-bash-sqlite-pkgs-largest", n_sqlite_col,
          "sqlite3 -header -column pkgs.db \"SELECT package, version, CAST(installed_kb AS INT) AS kb, section, priority "
          "FROM pkgs ORDER BY CAST(installed_kb AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-head-pkgs", n_csv, "head -n 800 pkgs.csv"),
        B("oc-bash-log-tail-weirgate", n_app_log, "tail -n 1000 weirgate.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd querykit", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check querykit"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd portion-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C weirkeeper -k 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build weirkeeper"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-portion-def-self", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|self\._\w+ =|assert \w+\(", "path": "portion", "include": "*.py"}),
        Spec("oc-grep-typescript-es-interface", "oc-grep", "search", "grep",
             {"pattern": r"^interface \w+(Array|Constructor)\b", "path": TSL, "include": "lib.es*.d.ts"}),
        Spec("oc-grep-eslint-rules-meta-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(problem|suggestion|layout)\"|recommended: true",
              "path": "querykit/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-query-string-options", "oc-grep", "search", "grep",
             {"pattern": r"options\.\w+", "path": "querykit/lib"}),
        Spec("oc-glob-eslint-rules", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "querykit/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-weirkeeper-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "weirkeeper"}),
        Spec("oc-read-py-portion-interval", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/portion/portion/interval.py"}, "python"),
        Spec("oc-read-py-portion-test-dict", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/portion/tests/test_dict.py"}, "python"),
        Spec("oc-read-js-query-string-base", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/querykit/lib/base.js"}, "js"),
        Spec("oc-webfetch-md-restic-restore", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/restic/050_restore.html", "format": "markdown"}, source="restic/050_restore.html"),
        Spec("oc-webfetch-html-restic-encryption", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/restic/070_encryption.html", "format": "html"}, source="restic/070_encryption.html"),
        Spec("oc-webfetch-text-restic-repos", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/restic/045_working_with_repos.html", "format": "text"},
             source="restic/045_working_with_repos.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def run_round(tmp: Path, copy: str, tidy: str, docs: dict[str, str], venv: str, js: str, make_specs, add, seed: int) -> None:
    """A round's OpenCode items (rounds 184, 191, 199, 205, 213): `copy` fills OpenCode's project directory with the
    round's trees and `tidy` clears their caches, `docs` are served on loopback for webfetch, the round's checkers
    (`venv`, `js`) go on OpenCode's PATH; then one OpenCode run over every call `make_specs(root, env)` lists, a busy
    process running for `ps aux`; each result becomes an item through the round's `add`."""
    oc_tmp = tmp / "oc"
    root = oc_tmp / "work"  # run_opencode's cwd and PWD: the project directory
    root.mkdir(parents=True)
    run(copy, cwd=root)
    run(tidy, cwd=root)
    serve = tempfile.mkdtemp(prefix="oc-docs-", dir=tmp)
    for name, path in docs.items():
        os.symlink(path, Path(serve) / name)
    oc.DOC_SERVE_DIR = serve  # the text extractor reads the served page's headings
    server = oc.start_doc_server(serve)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {"PATH": f"{venv}/bin:{js}/node_modules/.bin:/root/.cargo/bin:/usr/bin:/bin",
           "RUSTUP_HOME": "/root/.rustup", "CARGO_HOME": "/root/.cargo", "CARGO_TERM_COLOR": "never",
           "CARGO_TARGET_DIR": str(oc_tmp / "cargo-target")}
    orig_env = oc.opencode_env

    def with_tools(t: Path, work: Path, stub_url: str) -> dict:  # the round's checkers on OpenCode's PATH
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{venv}/bin:{js}/node_modules/.bin:/root/.cargo/bin:" + e["PATH"]
        e["COLUMNS"] = "120"
        e["RUSTUP_HOME"], e["CARGO_HOME"] = "/root/.rustup", "/root/.cargo"  # OpenCode's HOME is its own
        e["CARGO_TERM_COLOR"], e["CARGO_TARGET_DIR"] = "never", str(oc_tmp / "cargo-target")
        return e
    oc.opencode_env = with_tools
    oc.RUN_TIMEOUT = 1200
    # exec: timeout puts itself in a process group of its own, so a shell left between them would escape killpg
    busy = cm.start(f"exec timeout 240 python3 -c 'while True: sum(hash(str(i * {seed})) % 7 for i in range(120000))'")
    chosen = make_specs(root, env)
    time.sleep(1.0)
    try:
        captured = oc.run_opencode(oc_tmp, [s for s, _ in chosen], base)
    except Exception as e:  # the items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        os.killpg(busy.pid, signal.SIGTERM)
        oc.opencode_env = orig_env
        server.shutdown()
        server.server_close()
    exts = {s.id: ext for s, ext in chosen}
    for spec, sent, text, is_error in captured:
        if is_error or text.lstrip().startswith("<error>"):
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        command = dict(sent)
        if "url" in command:  # the port changes per run: the URL's path only
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        shown = command["command"] if spec.tool == "bash" else json.dumps(command, sort_keys=True)
        add(spec.id, shown, text, exts[spec.id], tool=spec.tool)


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call."""
    run_round(
        tmp,
        f"cp -r {tmp}/portion-2.6.3 portion && cp -r {tmp}/portion-git portion-git && "
        f"cp -r {tmp}/weirkeeper weirkeeper && cp -r {tmp}/plumbline plumbline && "
        f"cp {tmp}/data/pkgs.db {tmp}/data/pkgs.csv {tmp}/data/weirgate.log . && mkdir querykit && "
        f"cp -r {tmp}/querykit/lib {tmp}/querykit/spec {tmp}/querykit/package.json {tmp}/querykit/eslint.config.js "
        f"{tmp}/querykit/tsconfig.json querykit/ && ln -s {JS}/node_modules querykit/node_modules",
        "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf portion/.mypy_cache portion/.ruff_cache "
        "portion/.pytest_cache",
        DOCS, VENV, JS, specs, add, seed=191093,
    )


STEPS = [opencode]
