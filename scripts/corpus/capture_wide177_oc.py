"""Round 177, OpenCode's own tools: ONE headless run of the real OpenCode (.tools/bin/opencode, its model the
project's stub, capture_opencode.run_opencode, round 35's way) over this round's material: a work directory holding
copies of the broken cron-descriptor sdist, the voucher-writer project, the tidemeter C project and the vinerow crate;
its bash tool runs pytest, ruff, mypy, gcc, vitest and cargo clippy (the last two in chains) there, its grep searches
cron-descriptor's sources and eslint's rules, its glob lists cron-descriptor's files, its read prints the broken
toWords.js, and its webfetch fetches OpenCSG's index and news pages and cli-common's policy appendix served on loopback
(markdown, html and text). Each bash item's needles come from the extractor of the tool that printed its lines (a
chain's from each part's own, its parts run again outside OpenCode, round 35); grep, glob, read and webfetch items'
from capture_opencode's extractors through capture_wide15_oc.oc_ext. Runs last (it copies the earlier steps' trees).
Run through capture_wide177.py."""

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
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_vitest
from capture_wide15_langs import n_clippy, n_gcc
from capture_wide15_oc import oc_ext
from capture_wide177 import JS, VENV, add

DOCS = {"opencsg": "/usr/share/doc/libopencsg1", "cli": "/usr/share/doc/cli-common/cli-policy.html"}


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
    py = "PYTHONPATH=crondesc python -m pytest -p no:cacheprovider"
    vitest_parts = [Part("cd voucher-writer", None),
                    Part("npx vitest run -t toOrdinal 2>&1 | tail -n 150", n_vitest, "&&")]
    clippy_parts = [Part("cd vinerow", None),
                    Part("cargo clippy --all-targets 2>&1 | tail -n 400", n_clippy, "&&")]
    S: list[tuple[Spec, object]] = [
        B("oc-bash-pytest-rA-cron-descriptor", n_pytest,
          f"LANG=C.UTF-8 {py} -q -rA crondesc/tests 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-cron-descriptor-head-500", n_ruff,
          "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,D,Q,COM,RET,PT,ARG,FBT,C90 "
          "--output-format=full crondesc 2>&1 | head -n 500"),
        B("oc-bash-mypy-strict-cron-descriptor-pretty", n_mypy,
          "cd crondesc && mypy --strict --disallow-any-expr --disallow-any-explicit --warn-unreachable "
          "--no-incremental --cache-dir=/dev/null --pretty cron_descriptor tests tools 2>&1 | tail -n 300"),
        B("oc-bash-gcc-wall-wextra-tidemeter", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Itidemeter/src tidemeter/src/gauge.c tidemeter/src/berth_0[2-9].c"),
    ]
    S.append((Spec("oc-bash-chain-cd-vitest-ordinal-tail", "chain-test", "test", "bash",
                   {"command": chain_command(vitest_parts), "description": "Run the ordinal tests"}),
              chain_ext("chain-test", "test", vitest_parts, root, env)))
    S.append((Spec("oc-bash-chain-cd-cargo-clippy-tail", "chain-lint", "lint", "bash",
                   {"command": chain_command(clippy_parts), "description": "Run clippy on vinerow"}),
              chain_ext("chain-lint", "lint", clippy_parts, root, env)))
    base = "{BASE}"
    O = [
        Spec("oc-grep-cron-descriptor-def-raise-translate", "oc-grep", "search", "grep",
             {"pattern": r"def \w+|raise \w+|self\.translate\(", "path": "crondesc", "include": "*.py"}),
        Spec("oc-grep-eslint-rules-meta-type", "oc-grep", "search", "grep",
             {"pattern": r"type: \"(suggestion|layout)\"", "path": f"{JS}/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-cron-descriptor-files", "oc-glob", "listing", "glob",
             {"pattern": "**/*", "path": "crondesc"}),
        Spec("oc-read-js-to-words", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/voucher-writer/lib/toWords.js"}, "js"),
        Spec("oc-webfetch-md-opencsg-index", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/opencsg/index.html", "format": "markdown"}, source="opencsg/index.html"),
        Spec("oc-webfetch-html-cli-policy-appendix", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/cli/ch-appendix.html", "format": "html"}, source="cli/ch-appendix.html"),
        Spec("oc-webfetch-text-opencsg-news", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{base}/opencsg/news.html", "format": "text"}, source="opencsg/news.html"),
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
    run(f"cp -r {tmp}/cron_descriptor-2.2.1 crondesc && cp -r {tmp}/tidemeter tidemeter && make -C tidemeter clean "
        f">/dev/null && cp -r {tmp}/vinerow vinerow && mkdir voucher-writer && "
        f"cd voucher-writer && cp -r {tmp}/voucher-writer/lib {tmp}/voucher-writer/src {tmp}/voucher-writer/test "
        f"{tmp}/voucher-writer/spec {tmp}/voucher-writer/package.json {tmp}/voucher-writer/eslint.config.js . && "
        f"ln -s {JS}/node_modules node_modules", cwd=root)
    run("find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf crondesc/.mypy_cache crondesc/.ruff_cache "
        "crondesc/.pytest_cache", cwd=root)
    serve = tempfile.mkdtemp(prefix="oc-docs-", dir=tmp)
    for name, path in DOCS.items():
        os.symlink(path, Path(serve) / name)
    oc.DOC_SERVE_DIR = serve  # the text extractor reads the served page's headings
    docs = oc.start_doc_server(serve)
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    env = {"PATH": f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin:/usr/bin:/bin",
           "RUSTUP_HOME": "/root/.rustup", "CARGO_HOME": "/root/.cargo", "CARGO_TERM_COLOR": "never",
           "CARGO_TARGET_DIR": str(oc_tmp / "cargo-target")}
    orig_env = oc.opencode_env

    def with_tools(t: Path, work: Path, stub_url: str) -> dict:  # the round's checkers on OpenCode's PATH
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin:" + e["PATH"]
        e["COLUMNS"] = "120"
        e["RUSTUP_HOME"], e["CARGO_HOME"] = "/root/.rustup", "/root/.cargo"  # OpenCode's HOME is its own
        e["CARGO_TERM_COLOR"], e["CARGO_TARGET_DIR"] = "never", str(oc_tmp / "cargo-target")
        return e
    oc.opencode_env = with_tools
    oc.RUN_TIMEOUT = 1200
    busy = cm.start("timeout 240 python3 -c 'while True: sorted(str(i * 177093) for i in range(90000))'")
    chosen = specs(root, env)
    run("rm -rf voucher-writer/node_modules/.vite", cwd=root)
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
