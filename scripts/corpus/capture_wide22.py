#!/usr/bin/env python3
"""Capture round 22 of the compression corpus (issue #11): CHAINED AND PIPED COMMANDS AS AGENTS REALLY TYPE THEM
(`cd app && npm test 2>&1 | tail -n 80`, `ruff check . ; mypy src`, `git status && git diff --stat && git diff`,
`make 2>&1 | tail -n 50 && ./app --selftest`, `pytest -x -q; echo "exit=$?"`, `ls -la && cat pyproject.toml`,
`grep -rn TODO src | head -n 40 && sed -n 1,80p src/x.py` …): a blind sample, on projects the corpus had not used
(the sdists of prettytable, itsdangerous, croniter, tinydb and furl with bugs put in; a small TypeScript/Node app
over the npm packages deepmerge, dequal, klona and escape-html; a Go module, a Rust crate and a C program written
here with a broken build, failing tests and a crash).

HOW A CHAIN IS CAPTURED AND SPLIT: the whole line runs ONCE in one `bash -c`, as bash runs `p0 op1 p1 op2 p2 …`
(left to right, `&&` runs a part only after a success, `||` only after a failure, `;` always; cd and $? carry
over because it is one shell). After each part that ran, the shell prints a marker holding the part's index;
the markers are cut out, so the item's text is exactly what the chained line printed, and each part's own lines
are known from the capture (never parsed afterwards). Each part's needles are its own kind's extractor (an
earlier round's, NEEDLES.md) applied to that part's lines; the item's needles are their union and its
needle_rule names every part's kind and rule. Nothing captured here was compressed.

This module holds the runner, the set-up, the size gate and main(); the chains are in capture_wide22_py.py
(Python) and capture_wide22_native.py (Node/TypeScript, Go, Rust, C, git).

Usage:   .venv/bin/python scripts/corpus/capture_wide22.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide22.json  as {"version": 2, "items": [...]}, ids prefixed "wide22-".
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import clean_lines  # noqa: E402
from capture_more import add_or_skip, note, run  # noqa: E402
from capture_wide9b import Part, chain_command  # noqa: E402

ID_PREFIX = "wide22-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide22.json"
TMP = Path("/tmp/hm-corpus-wide22")
TOOLS = Path("/tmp/hm-corpus-wide22-tools")
VENV = TOOLS / "venv"
SRC = TOOLS / "src"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
GIT_ENV = {"GIT_AUTHOR_NAME": "Dana Reyes", "GIT_AUTHOR_EMAIL": "dana@example.org", "GIT_COMMITTER_NAME": "Dana Reyes",
           "GIT_COMMITTER_EMAIL": "dana@example.org", "HOME": str(TMP), "GIT_CONFIG_NOSYSTEM": "1"}
PY_TOOLS = ["pytest", "mypy", "ruff", "flake8", "freezegun", "wcwidth", "orderedmultidict", "python-dateutil", "pytz"]
PY_SDISTS = ["prettytable==3.12.0", "itsdangerous==2.2.0", "croniter==3.0.3", "tinydb==4.8.2", "furl==2.1.3"]
NPM_PKGS = ["typescript@5.7", "deepmerge", "dequal", "klona", "escape-html", "fast-deep-equal"]

# the round's sizes: mostly 3-50 KB; a few smaller chains as agents get them
MIN_CHARS, MAX_CHARS = 1_000, 80_000
# printed by the shell after each part that ran; cut out of the text (a byte no tool here prints)
MARK = "\x1ehm22-part-{k}\x1e"
MARK_RE = re.compile("\x1ehm22-part-(\\d+)\x1e")


def ensure_tools() -> None:
    """The venv of runners and linters, the sdists, and the npm packages, installed once."""
    cm.install_venv(VENV, "ruff", PY_TOOLS)
    cm.download_sdists(SRC, "furl-*.tar.gz", PY_SDISTS)
    cm.install_npm(JS, "klona", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def run_line(parts: list[Part], cwd: Path, env: dict | None, timeout: int) -> list[tuple[Part, str]]:
    """Run the chained line once in one bash, a marker after each part that ran; return each run part with
    exactly what it printed."""
    script = ["__s=0"]
    for k, p in enumerate(parts):
        cond = {"&&": '[ "$__s" -eq 0 ]', "||": '[ "$__s" -ne 0 ]'}.get(p.op, "true") if k else "true"
        script.append(f"if {cond}; then (exit $__s); {p.cmd}\n__s=$?; printf '{MARK.format(k=k)}'; fi")
    raw = run(f"bash -c {shlex.quote(chr(10).join(script))}", cwd=cwd, env=env, timeout=timeout)
    out, start = [], 0
    for m in MARK_RE.finditer(raw):
        out.append((parts[int(m.group(1))], raw[start:m.start()]))
        start = m.end()
    assert not raw[start:].strip(), f"output after the last marker: {raw[start:][:200]!r}"
    return out


def chain(item_id: str, kind_name: str, family: str, parts: list[Part], cwd: Path, env: dict | None = None,
          timeout: int = 300) -> None:
    """One chained command as an item: text = what the line printed; needles = the union of each part's needles
    by its own kind's rule (see the module docstring)."""
    ran = run_line(parts, cwd, env, timeout)
    text = "".join(t for _, t in ran)
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        note(f"skip {ID_PREFIX}{item_id}: {len(text):,} chars, outside {MIN_CHARS:,}..{MAX_CHARS:,}")
        return
    needles: list = []
    try:
        for p, t in ran:
            if p.ext is not None and t.strip():
                found = p.ext(clean_lines(t))
                if not found:  # a part whose rule names no line: said, so the round's report can list them
                    note(f"    note {item_id}: part [{p.cmd[:50]}] printed {len(t):,} chars, no needle")
                needles += found
    except Exception as e:  # an extractor that cannot read its part skips the item, loudly
        note(f"skip {item_id}: part extractor failed: {type(e).__name__}: {e}")
        return
    rules = "; ".join(f"[{p.cmd[:60]}] {p.ext.kind}: {(p.ext.__doc__ or '').strip().splitlines()[0]}"
                      for p, _ in ran if p.ext is not None)

    def precomputed(lines: list[str]) -> list:
        return needles
    precomputed.kind = kind_name  # type: ignore[attr-defined]
    precomputed.__doc__ = f"union of each part's needles by its own kind's rule — {rules}"
    cm.KINDS[kind_name] = family
    add_or_skip(item_id, chain_command(parts), text, precomputed)
    note(f"    parts ran: {len(ran)} of {len(parts)}")


def steps() -> list:
    import capture_wide22_native as native  # Node/TypeScript, Go, Rust, C, git
    import capture_wide22_py as py  # pytest, ruff, mypy, pip, reads
    return [unpack] + py.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 50_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide22", sys.modules["__main__"])
    main()
