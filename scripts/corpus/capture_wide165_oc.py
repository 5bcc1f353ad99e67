"""Round 165, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the
project's stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding
copies of the broken pqdict sdist, the receipt-printer project, the silolevel C project and the shared-library table;
its bash tool runs pytest, ruff, mypy, vitest (a chain), gcc, ps and sqlite3 there, its grep searches pqdict's sources
and eslint's rules, its glob lists pqdict's files, and its webfetch fetches bzip2's manual, socat's
multicast page and autopkgtest's README.package-tests served on loopback (markdown, html and text). Each bash
item's needles come from the extractor of the tool that printed its lines (a chain's from each part's own, its parts
run again outside OpenCode, round 35); grep, glob and webfetch items' from capture_opencode's extractors through
capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees). Run through capture_wide165.py."""

from __future__ import annotations

import json
import os
import signal
import tempfile
import time
from pathlib import Path

import capture_more as cm
import capture_opencode as oc
from capture_more import clean_lines, note, run
from capture_opencode import Spec
from capture_wide9b import Part, chain_command, run_chain
from capture_wide15_data import n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_vitest
from capture_wide15_langs import n_gcc
from capture_wide15_oc import oc_ext
from capture_wide165 import JS, VENV, add

DOCS = {"bzip2": "/usr/share/doc/bzip2", "socat": "/usr/share/doc/socat",
        "apt": "/usr/share/doc/autopkgtest"}


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


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    py = "PYTHONPATH=pqdict python -m pytest -p no:cacheprovider"
    chain_parts = [Part("cd receipt-printer", None),
                   Part("npx vitest run -t trim 2>&1 | tail -n 150", n_vitest, "&&")]
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-pqdict", n_pytest,
          f"{py} -q -rA pqdict/tests 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-pqdict-head-500", n_ruff,
          "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D,Q,COM,RET,PT,ARG --output-format=full "
          "pqdict 2>&1 | head -n 500"),
        B("oc-bash-mypy-strict-pqdict-pkg", n_mypy,
          "cd pqdict && mypy --strict --no-incremental --cache-dir=/dev/null --pretty pqdict tests bench 2>&1 | "
          "tail -n 300"),
        B("oc-bash-gcc-wall-wextra-silolevel", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Isilolevel/src silolevel/src/silo.c silolevel/src/bin_0[3-9].c"),
        B("oc-bash-ps-aux-sort-cpu-head-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        B("oc-bash-sqlite-libs-per-dir", n_sqlite_col,
          "sqlite3 -header -column libs.db \"SELECT dir, COUNT(*) AS libs, "
          "SUM(CAST(bytes AS INT)) AS bytes, MAX(CAST(bytes AS INT)) AS largest, "
          "MIN(library) AS first FROM libs GROUP BY dir ORDER BY libs DESC LIMIT 150\""),
    ]
    S.append((Spec("oc-bash-chain-cd-vitest-trim-tail", "chain-test", "test", "bash",
                   {"command": chain_command(chain_parts), "description": "Run the trim tests"}),
              chain_ext("chain-test", "test", chain_parts, root, env)))
    base = "{BASE}"
    O = [
        Spec("oc-grep-pqdict-def-raise-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|raise \w+|assert ", "path": "pqdict", "include": "*.py"}),
        Spec("oc-grep-pqdict-heap-position", "oc-grep", "search", "grep",
             {"pattern": r"_heap|_position|precedes", "path": "pqdict/pqdict"}),
        Spec("oc-grep-eslint-rules-meta-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(problem|suggestion|layout)\"", "path": f"{JS}/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-pqdict-files", "oc-glob", "listing", "glob",
             {"pattern": "**/*", "path": "pqdict"}),
        Spec("oc-webfetch-md-bzip2-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/bzip2/manual.html", "format": "markdown"}, source="bzip2/manual.html"),
        Spec("oc-webfetch-html-socat-multicast", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/socat/socat-multicast.html", "format": "html"}, source="socat/socat-multicast.html"),
        Spec("oc-webfetch-text-autopkgtest-package-tests", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/apt/README.package-tests.html", "format": "text"},
             source="apt/README.package-tests.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Copy the round's trees into OpenCode's project directory, then one OpenCode run over every tool call."""
    oc_tmp = tmp / "oc"
    root = oc_tmp / "work"  # run_opencode's cwd and PWD: the project directory
    root.mkdir(parents=True)
    run(f"cp -r {tmp}/pqdict-1.5.1 pqdict && cp -r {tmp}/silolevel silolevel && make -C silolevel clean "
        f">/dev/null && cp {tmp}/libs/libs.db libs.db && mkdir receipt-printer && cd receipt-printer && "
        f"cp -r {tmp}/receipt-printer/lib {tmp}/receipt-printer/src {tmp}/receipt-printer/test "
        f"{tmp}/receipt-printer/spec {tmp}/receipt-printer/package.json {tmp}/receipt-printer/eslint.config.js . && "
        f"ln -s {JS}/node_modules node_modules", cwd=root)
    run("find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf pqdict/.mypy_cache pqdict/.ruff_cache "
        "pqdict/.pytest_cache", cwd=root)
    serve = tempfile.mkdtemp(prefix="oc-docs-", dir=tmp)
    for name, path in DOCS.items():
        os.symlink(path, Path(serve) / name)
    oc.DOC_SERVE_DIR = serve  # the text extractor reads the served page's headings
    docs = oc.start_doc_server(serve)
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    env = {"PATH": f"{VENV}/bin:{JS}/node_modules/.bin:/usr/bin:/bin"}
    orig_env = oc.opencode_env

    def with_tools(t: Path, work: Path, stub_url: str) -> dict:  # the round's checkers on OpenCode's PATH
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{VENV}/bin:{JS}/node_modules/.bin:" + e["PATH"]
        e["COLUMNS"] = "120"
        return e
    oc.opencode_env = with_tools
    oc.RUN_TIMEOUT = 1200
    busy = cm.start("timeout 240 python3 -c 'while True: sorted(str(i * 165093) for i in range(90000))'")
    chosen = specs(root, env)
    run("rm -rf receipt-printer/node_modules/.vite", cwd=root)
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
