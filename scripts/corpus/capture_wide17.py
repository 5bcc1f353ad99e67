#!/usr/bin/env python3
"""Capture round 17 of the compression corpus (issue #11): LARGE OUTPUTS, AS AGENTS REALLY GET THEM.
Every item is 20 KB to 200 KB: whole test suites of real packages with a few bugs put in (pytest over marshmallow,
natsort, parso and voluptuous from their sdists; mocha and node --test over generated suites of ramda and luxon;
go test -v ./... over copies of Go standard library packages), linters over whole packages (ruff --select ALL,
pylint, mypy --strict, flake8, eslint over ramda, tsc --checkJs over luxon, shellcheck), builds with many warnings
(gcc -Wall -Wextra over bitarray's C, make -k over ujson's and pyrsistent's C, pip install -v of an sdist with a C
extension), git on a scripted history of two real voluptuous releases (log -p, show, diff between tags, log
--stat), big JSON (a loopback API of a few thousand records with rare anomalies, npm view --json, a package-lock,
npm ls, pip inspect), the logs of a loopback server and a worker under a scripted load with rare errors, strace,
deep listings (find, ls -lR, tree, du) and process tables under load. Six items are cut the way OpenCode cuts a
long bash output (``...output truncated...``, the saved-output path, then the last 2,000 lines / 50 KB).

This module holds the set-up, the size gate, OpenCode's cut and main(); the captures are in capture_wide17_runs.py
(tests, linters, builds) and capture_wide17_data.py (git, JSON, logs, listings, processes). Every kind's rule is
an existing kind's extractor (NEEDLES.md; capture_wide15_*.py register the first rounds' extractors under their
kind names); a cut item's rule is its kind's rule over the kept tail plus the 'Full output saved to:' line (rule
5: where the rest is). Rules were fixed from the raw outputs only: nothing captured here was compressed.

Method (as capture_wide14.py): every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide17,
with tools and sources from PyPI and npm in /tmp/hm-corpus-wide17-tools.

Usage:   .venv/bin/python scripts/corpus/capture_wide17.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide17.json  as {"version": 2, "items": [...]}, ids prefixed "wide17-".
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import add_or_skip, note, run  # noqa: E402
from capture_wide6 import reuse  # noqa: E402

ID_PREFIX = "wide17-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide17.json"
TMP = Path("/tmp/hm-corpus-wide17")
TOOLS = Path("/tmp/hm-corpus-wide17-tools")
VENV = TOOLS / "venv"
SRC = TOOLS / "src"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
PY_TOOLS = ["pytest", "ruff", "pylint", "mypy", "flake8", "hypothesis", "pytest-mock", "simplejson",
            "marshmallow", "natsort", "voluptuous", "parso", "pyrsistent"]
PY_SDISTS = ["marshmallow==4.4.0", "natsort==8.4.0", "voluptuous==0.16.0", "parso==0.8.7", "bitarray==3.12.3",
             "ujson==6.1.0", "pyrsistent==0.20.0"]
OLD_SDIST = "voluptuous==0.14.2"  # the git steps' earlier release (pip downloads one version of a name at a time)
NPM_PKGS = ["ramda", "luxon", "mathjs", "mocha", "eslint", "@eslint/js", "typescript"]

# this round is about large outputs: an item outside these bounds is skipped, loudly
MIN_CHARS, MAX_CHARS = 20_000, 200_000
# OpenCode's bash tool keeps the tail of a long output (../shared/OPENCODE.md)
OC_MAX_LINES, OC_MAX_BYTES = 2000, 50 * 1024


def ensure_tools() -> None:
    """The venv of runners and linters, the sdists, and the npm packages, installed once."""
    if not (VENV / "bin" / "pylint").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_TOOLS), env=PIP_ENV, timeout=900)
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob("marshmallow-*")):
        run("pip3 download -q --no-deps --no-binary :all: " + " ".join(PY_SDISTS), cwd=SRC, env=PIP_ENV, timeout=600)
    if not list(SRC.glob("voluptuous-0.14.2*")):
        run(f"pip3 download -q --no-deps --no-binary :all: {OLD_SDIST}", cwd=SRC, env=PIP_ENV, timeout=600)
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "ramda").exists():
        run("npm init -y >/dev/null && npm install -q --no-audit " + " ".join(NPM_PKGS), cwd=JS, timeout=600)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def unpack(tmp: Path) -> None:
    """Fresh copies of the sdists under the round's temp dir (the steps break them)."""
    for tgz in SRC.glob("*.tar.gz"):
        run(f"tar xzf {tgz}", cwd=tmp)


def add(item_id: str, command: str, raw: str, extractor) -> None:
    """capture_more.add_or_skip for this round's sizes only."""
    if not MIN_CHARS <= len(raw) <= MAX_CHARS:
        note(f"skip {ID_PREFIX}{item_id}: {len(raw):,} chars, outside {MIN_CHARS:,}..{MAX_CHARS:,}")
        return
    add_or_skip(item_id, command, raw, extractor)


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 600, env: dict | None = None) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout, env=env), extractor)


def saved_path(item_id: str) -> str:
    """A plausible OpenCode tool-output file: 'tool_' + 12 hex digits of time + 14 base62 characters."""
    h = hashlib.sha1(item_id.encode()).hexdigest()
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    n = int(h[12:], 16)
    tail = "".join(alphabet[(n >> (6 * i)) % 62] for i in range(14))
    return f"/home/dev/.local/share/opencode/tool-output/tool_{h[:12]}{tail}"


def opencode_cut(item_id: str, raw: str) -> str:
    """What OpenCode's bash tool sends for a long output: the truncation header, then the last 2,000 lines, then at
    most the last 50 KB of those (from a line start). Short outputs are sent whole."""
    lines = raw.split("\n")
    if len(lines) <= OC_MAX_LINES and len(raw.encode()) <= OC_MAX_BYTES:
        return raw
    tail = "\n".join(lines[-OC_MAX_LINES:])
    data = tail.encode()
    if len(data) > OC_MAX_BYTES:
        data = data[-OC_MAX_BYTES:]
        data = data[data.index(b"\n") + 1:]
        tail = data.decode("utf-8", "replace")
    return f"...output truncated...\n\nFull output saved to: {saved_path(ID_PREFIX + item_id)}\n\n{tail}"


def cut_rule(extractor):
    """Kind `extractor.kind`'s rule over the tail OpenCode kept, plus its 'Full output saved to:' line."""
    def fn(lines: list[str]) -> list:
        head = [ln for ln in lines[:4] if ln.startswith("Full output saved to:")]
        body = lines[4:] if head else lines
        return head + extractor(body)
    doc = (extractor.__doc__ or "").strip().splitlines()[0]
    return reuse(extractor.kind, cm.KINDS[extractor.kind], fn,
                 f"{doc} (on the tail OpenCode kept) + rule 5: the 'Full output saved to:' line")


def cap_cut(item_id: str, command: str, cwd: Path, extractor, timeout: int = 600, env: dict | None = None) -> None:
    """An output as OpenCode sends it to the model: cut only when it is longer than OpenCode keeps."""
    raw = run(command, cwd=cwd, timeout=timeout, env=env)
    text = opencode_cut(item_id, raw)
    if text == raw:
        note(f"skip {ID_PREFIX}{item_id}: {len(raw):,} chars, not long enough to be cut")
        return
    add(item_id, command, text, cut_rule(extractor))


def steps() -> list:
    import capture_wide17_data as data  # git, JSON, logs, listings, process tables
    import capture_wide17_runs as runs  # tests, linters, builds
    return [unpack] + runs.STEPS + data.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide17", sys.modules["__main__"])
    main()
