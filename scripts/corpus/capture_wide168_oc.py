"""Round 168, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the
project's stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding
copies of the broken titlecase sdist and its git history, the job-timer project (pretty-ms), the skiffrack C project,
the tillerlog crate and the package table; its bash tool runs pytest, ruff, mypy, node --test, eslint, tsc, make, cargo,
git, listings, ps, sqlite3 and the log there (some chained as agents chain them), its grep searches titlecase's and
pretty-ms' sources, its glob lists files, its read prints source files, and its webfetch fetches gperftools', gdisk's
and bc's HTML manuals served on loopback (markdown, html and text). Each bash item's needles come from the extractor of
the tool that printed its lines (a chain's from each part's own, its parts run again outside OpenCode, round 35);
grep, glob, read and webfetch items' from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last
(it copies the earlier steps' trees). Run through capture_wide168.py."""

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
from capture_wide168 import JS, VENV, add

DOCS = {"gperf": "/usr/share/doc/gperftools", "gdisk": "/usr/share/doc/gdisk", "bc": "/usr/share/doc/bc"}

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
        B("oc-bash-pytest-rA-titlecase", n_pytest,
          "cd titlecase && python -m pytest -p no:cacheprovider -rA titlecase/tests.py 2>&1 | tail -n 500"),
        B("oc-bash-ruff-all-titlecase", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full titlecase 2>&1 | head -n 700"),
        B("oc-bash-mypy-strict-titlecase", n_mypy,
          "cd titlecase && mypy --strict --no-incremental --cache-dir=/dev/null --pretty titlecase 2>&1 | tail -n 300"),
        B("oc-bash-node-test-job-timer", n_node_test, "cd job-timer && node --test spec/ 2>&1 | tail -n 400"),
        B("oc-bash-eslint-job-timer", n_eslint, "cd job-timer && npx eslint lib spec | head -n 400"),
        B("oc-bash-gcc-syntax-skiffrack", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iskiffrack/src skiffrack/src/ledger.c skiffrack/src/dock_0[0-9].c"),
        B("oc-bash-cargo-test-tillerlog", n_cargo_test, "cd tillerlog && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-tillerlog", n_clippy, "cd tillerlog && cargo clippy 2>&1 | tail -n 800"),
        B("oc-bash-git-blame-init", n_blame, "cd titlecase-git && git blame titlecase/__init__.py"),
        B("oc-bash-git-show-tests-part", n_show, "cd titlecase-git && git show ':/^tests: part 4'"),
        B("oc-bash-ls-laR-titlecase-git", n_ls_lR, "ls -laR titlecase-git --ignore=.git"),
        B("oc-bash-find-printf-js-pkgs", n_find,
          "find job-timer/node_modules/ -maxdepth 3 -type f -name '*.json' -printf '%M %u %s %p\\n' | sort -k4 "
          "| head -n 500"),
        B("oc-bash-tree-eslint-lib", n_tree, "tree -a --noreport job-timer/node_modules/eslint/lib | head -n 500"),
        B("oc-bash-ps-aux-head-60", n_ps_aux, "ps aux --sort=-%mem | head -n 60"),
        B("oc-bash-sqlite-packages-per-section", n_sqlite_col,
          "sqlite3 -header -column packages.db \"SELECT section, COUNT(*) AS pkgs, SUM(CAST(installed_kb AS INT)) AS kb, "
          "MAX(CAST(installed_kb AS INT)) AS largest, MIN(package) AS first FROM packages GROUP BY section "
          "ORDER BY pkgs DESC\""),
        B("oc-bash-csv-head-packages", n_csv, "head -n 700 packages.csv"),
        B("oc-bash-log-tail-jobtimer", n_app_log, "tail -n 900 jobtimer.log"),
    ]
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd job-timer", None), Part("npx eslint lib", n_eslint, "&&"),
                Part("npx tsc --noEmit -p .", n_tsc, ";")], root, env, "Lint and type-check job-timer"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd titlecase-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C skiffrack -k 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build skiffrack"))
    base = "{BASE}"
    O = [
        Spec("oc-grep-titlecase-regex-compile", "oc-grep", "search", "grep",
             {"pattern": r"regex\.|def \w+|SMALL", "path": "titlecase", "include": "*.py"}),
        Spec("oc-grep-eslint-lib-meta-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(problem|layout)\"", "path": "job-timer/node_modules/eslint/lib/rules"}),
        Spec("oc-grep-eslint-lib-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w+|TODO|FIXME", "path": "job-timer/node_modules/eslint/lib", "include": "*.js"}),
        Spec("oc-grep-pretty-ms-options", "oc-grep", "search", "grep",
             {"pattern": r"options\.\w+", "path": "job-timer/lib"}),
        Spec("oc-glob-eslint-rules", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "job-timer/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-skiffrack-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "skiffrack"}),
        Spec("oc-read-py-titlecase-init", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/titlecase/titlecase/__init__.py"}, "python"),
        Spec("oc-read-py-titlecase-tests", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/titlecase/titlecase/tests.py"}, "python"),
        Spec("oc-read-js-pretty-ms", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/job-timer/lib/pretty-ms.js"}, "js"),
        Spec("oc-webfetch-md-gperftools-tcmalloc", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/gperf/tcmalloc.html", "format": "markdown"}, source="gperf/tcmalloc.html"),
        Spec("oc-webfetch-html-gdisk-sgdisk", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/gdisk/sgdisk.html", "format": "html"}, source="gdisk/sgdisk.html"),
        Spec("oc-webfetch-text-bc", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/bc/bc.html", "format": "text"}, source="bc/bc.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call."""
    oc_tmp = tmp / "oc"
    root = oc_tmp / "work"  # run_opencode's cwd and PWD: the project directory
    root.mkdir(parents=True)
    run(f"cp -r {tmp}/titlecase-2.4.1 titlecase && cp -r {tmp}/titlecase-git titlecase-git && "
        f"cp -r {tmp}/skiffrack skiffrack && cp -r {tmp}/tillerlog tillerlog && "
        f"cp {tmp}/data/packages.db {tmp}/data/packages.csv {tmp}/data/jobtimer.log . && mkdir job-timer && "
        f"cp -r {tmp}/job-timer/lib {tmp}/job-timer/spec {tmp}/job-timer/package.json {tmp}/job-timer/eslint.config.js "
        f"{tmp}/job-timer/tsconfig.json job-timer/ && ln -s {JS}/node_modules job-timer/node_modules", cwd=root)
    run("find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf titlecase/.mypy_cache titlecase/.ruff_cache "
        "titlecase/.pytest_cache", cwd=root)
    serve = tempfile.mkdtemp(prefix="oc-docs-", dir=tmp)
    for name, path in DOCS.items():
        os.symlink(path, Path(serve) / name)
    oc.DOC_SERVE_DIR = serve  # the text extractor reads the served page's headings
    docs = oc.start_doc_server(serve)
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    env = {"PATH": f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin:/usr/bin:/bin",
           "RUSTUP_HOME": "/root/.rustup", "CARGO_HOME": "/root/.cargo"}
    orig_env = oc.opencode_env

    def with_tools(t: Path, work: Path, stub_url: str) -> dict:  # the round's checkers on OpenCode's PATH
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin:" + e["PATH"]
        e["COLUMNS"] = "120"
        e["RUSTUP_HOME"], e["CARGO_HOME"] = "/root/.rustup", "/root/.cargo"  # OpenCode's HOME is its own
        return e
    oc.opencode_env = with_tools
    oc.RUN_TIMEOUT = 1200
    busy = cm.start("timeout 240 python3 -c 'while True: sorted(str(i * 168093) for i in range(90000))'")
    chosen = specs(root, env)
    time.sleep(1.0)
    try:
        captured = oc.run_opencode(oc_tmp, [s for s, _ in chosen], base)
    except Exception as e:  # the items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        os.killpg(busy.pid, signal.SIGTERM)
        oc.opencode_env = orig_env
        docs.shutdown()
        docs.server_close()
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


STEPS = [opencode]
