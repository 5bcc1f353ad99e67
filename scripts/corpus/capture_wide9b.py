#!/usr/bin/env python3
"""Capture round 9b of the compression corpus (issue #11): OUTPUTS AS AGENTS REALLY PRODUCE THEM. Agents chain
(`cd pkg && npm install && npm test`, `git status && git diff --stat && git log --oneline -5`, `pytest -x -q;
echo "exit=$?"`), cut long logs with head/tail, grep across installed trees, cat README/CHANGELOG/config files,
read --help and man pages, query JSON APIs and hit servers they started. This module holds the chain runner, the
round's own kinds and main(); the chained commands are in capture_wide9b_chains.py, the cut outputs, searches,
listings and documents in capture_wide9b_reads.py, JSON, servers and processes in capture_wide9b_data.py.

Method (as capture_wide8.py): every item's text is the stdout+stderr of programs REALLY run here, on real packages
installed from the registries into scratch dirs (/tmp/hm-corpus-wide9b; PyPI sdists, npm tarballs, the round-6
tool install). Needles follow scripts/corpus/NEEDLES.md and are computed from the raw output by the extractor of
the kind that printed the lines, before anything was measured; nothing captured here was compressed by its author.

HOW A CHAIN IS SPLIT: a chained command is run PART BY PART, each part (one `&&`/`||`/`;` operand, pipes and
redirections included) in its own `bash -c`, started in the directory the previous part left and with `$?` set to
the previous part's status, and skipped as bash would skip it (`a && b` runs b only if a succeeded, `a || b` only
if it failed, left to right). The item's text is the parts' outputs concatenated in order (what the one chained
command prints); each part's needles are computed by its own kind's extractor on exactly the lines that part
printed (known at capture, not parsed afterwards), and the item's needles are their union. The needle_rule names
each part's kind and rule.

Usage:   .venv/bin/python scripts/corpus/capture_wide9b.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide9b.json  as {"version": 2, "items": [...]}, ids prefixed "wide9b-".
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide6 as w6  # noqa: E402
from capture_data import clean_lines  # noqa: E402
from capture_more import add_or_skip as add, kind, note, run  # noqa: E402

ID_PREFIX = "wide9b-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide9b.json"
TMP = Path("/tmp/hm-corpus-wide9b")
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
GIT_ENV = {**w6.GIT_ENV, "HOME": str(TMP), "GIT_CONFIG_NOSYSTEM": "1"}

Extractor = Callable[[list[str]], list]


# ================================================================== the round's own kinds (rules written before capture)

@kind("shell-status", "log")
def n_status_echo(lines):
    """Rule 3: the status line the agent printed itself (echo "exit=$?", echo done/FAILED)."""
    return [ln for ln in lines if ln.strip()]


@kind("markdown-cat", "doc")
def n_markdown(lines):
    """Rule 6 on a markdown document printed with cat/head: every heading ('#' lines outside fenced code, and setext titles)."""
    out, fenced = [], False
    for i, ln in enumerate(lines):
        if ln.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"^#{1,6}\s+\S", ln):
            out.append(ln)
        elif not fenced and i and re.match(r"^(=+|-{3,})$", ln) and lines[i - 1].strip() and not lines[i - 1].startswith(("|", "-")):
            out.append(lines[i - 1])
    return out


@kind("rst-cat", "doc")
def n_rst(lines):
    """Rule 6 on a reStructuredText document (README.rst, CHANGES.rst) printed with cat: every section title (the line above an underline of = - ~ ^ *)."""
    return [lines[i - 1] for i, ln in enumerate(lines)
            if i and re.match(r"^([=\-~^*+#])\1{2,}$", ln) and lines[i - 1].strip() and not re.match(r"^([=\-~^*+#])\1+$", lines[i - 1])]


@kind("help-text", "doc")
def n_help(lines):
    """Rule 6 on a --help / man page printed as text: every section heading (an unindented line that is ALL CAPS or ends with ':')."""
    return [ln for ln in lines if ln and not ln[0].isspace()
            and (re.match(r"^[A-Z][A-Z0-9 /_-]{2,}$", ln) or re.match(r"^[A-Za-z][\w /()'.,-]{1,60}:$", ln))]


@kind("config-cat", "doc")
def n_config(lines):
    """Rule 6 on a config file printed with cat (ini/cfg/toml/yaml/Makefile/Dockerfile): every section header ('[x]' / '[[x]]' lines, top-level YAML keys, make targets, Dockerfile FROM lines)."""
    return [ln for ln in lines if re.match(r"^\[\[?[^\]]+\]\]?\s*$", ln) or re.match(r"^[A-Za-z_][\w.-]*:(\s|$)", ln)
            or re.match(r"^FROM\s", ln)]


@kind("source-cat", "code")
def n_source(lines):
    """Rule 6 on source code printed with cat/sed/head: the first line of every function/class definition (def/class, function/class/arrow consts, func/type, fn/struct/impl)."""
    pat = (r"^\s*(async\s+def|def|class)\s+\w+|^\s*(export\s+)?(default\s+)?(async\s+)?function\b|^\s*(export\s+)?class\s+\w+"
           r"|^\s*(export\s+)?(const|let|var)\s+\w+\s*=\s*(async\s+)?(function\b|\([^)]*\)\s*=>|\w+\s*=>)|^func\s|^type\s+\w+\s+(struct|interface)"
           r"|^\s*(pub(\(crate\))?\s+)?(fn|struct|enum|trait|impl)\b")
    return [ln for ln in lines if re.match(pat, ln)]


def reuse(name: str, family: str, fn: Extractor) -> Extractor:
    """An earlier round's extractor under this round's kind name (its rule line is the extractor's own)."""
    return w6.reuse(name, family, fn, (fn.__doc__ or name).strip().splitlines()[0])


# ================================================================== chains

@dataclass
class Part:
    cmd: str  # one operand of the chain, as the agent typed it (pipes and redirections included)
    ext: Extractor | None = None  # the kind that printed this part's lines (None: prints nothing a rule names, e.g. cd)
    op: str = "&&"  # how it joins the part before it: "&&", "||" or ";"


def run_chain(parts: list[Part], cwd: Path, env: dict | None = None, timeout: int = 300) -> list[tuple[Part, str]]:
    """Run the parts as bash runs `p0 op1 p1 op2 p2 …`, each in its own bash -c (cwd and $? carried over), and
    return each run part with exactly what it printed."""
    state = TMP / ".chain-state"
    state.mkdir(parents=True, exist_ok=True)
    status, here, out = 0, str(cwd), []
    for k, p in enumerate(parts):
        if k and ((p.op == "&&" and status != 0) or (p.op == "||" and status == 0)):
            continue
        for f in ("rc", "cwd"):
            (state / f).unlink(missing_ok=True)
        script = (f"cd {shlex.quote(here)} && (exit {status}); {p.cmd}\n"
                  f"__rc=$?; pwd > {state}/cwd; echo $__rc > {state}/rc")
        text = run(f"bash -c {shlex.quote(script)}", cwd=here, env=env, timeout=timeout)
        rc = state / "rc"
        status = int(rc.read_text()) if rc.exists() else 124
        here = (state / "cwd").read_text().strip() if (state / "cwd").exists() else here
        out.append((p, text))
    return out


def chain_command(parts: list[Part]) -> str:
    return parts[0].cmd + "".join(f"{'' if p.op == ';' else ' '}{p.op} {p.cmd}" for p in parts[1:])


def chain(item_id: str, kind_name: str, family: str, parts: list[Part], cwd: Path, env: dict | None = None,
          timeout: int = 300) -> None:
    """One chained command as an item: text = the parts' outputs in order; needles = the union of each part's
    needles by its own kind's rule (see the module docstring)."""
    ran = run_chain(parts, cwd, env, timeout)
    needles: list = []
    try:
        for p, text in ran:
            if p.ext is not None and text.strip():
                needles += p.ext(clean_lines(text))
    except Exception as e:  # an extractor that cannot read its part skips the item, loudly
        note(f"skip {item_id}: part extractor failed: {type(e).__name__}: {e}")
        return
    rules = "; ".join(f"[{p.cmd[:60]}] {p.ext.kind}: {(p.ext.__doc__ or '').strip().splitlines()[0]}"
                      for p, _ in ran if p.ext is not None)

    def precomputed(lines):
        return needles
    precomputed.kind = kind_name
    precomputed.__doc__ = f"union of each part's needles by its own kind's rule — {rules}"
    cm.KINDS[kind_name] = family
    add(item_id, chain_command(parts), "".join(t for _, t in ran), precomputed)


def steps() -> list:
    import capture_wide9b_chains as chains  # chained commands
    import capture_wide9b_data as data  # JSON APIs, configs, servers, processes
    import capture_wide9b_reads as reads  # cut outputs, searches, listings, documents
    return chains.STEPS + reads.STEPS + data.STEPS


def main() -> None:
    w6.ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide9b", sys.modules["__main__"])
    main()
