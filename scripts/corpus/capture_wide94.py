#!/usr/bin/env python3
"""Capture round 94 of the compression corpus: version control other than git, new to the corpus. Debian's Mercurial,
Subversion (a local file:// repository), fossil, breezy and darcs run on repositories built here by committing a real
package's sources (click, as installed in the venv running this script) in seeded steps: the files arrive in chunks,
five authors make small seeded edits, FIXME / XXX / BUG lines are put in at fixed steps, a file is renamed and one
removed; then branches with conflicting edits, merges and updates left in conflict, a bisect for the step that put a
bug in, and working-copy changes. Some command lines are typed as agents type them (`| head -n 100`,
`2>&1 | tail -n 80`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 94" section fixed before capture, applied by the extractors in
capture_wide94_vcs.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide94.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide94.json  as {"version": 2, "items": [...]}, ids prefixed "wide94-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide94-"
DEFAULT_OUT = HERE / "data" / "wide94.json"
TMP = Path(os.environ.get("HM_WIDE94_TMP", "/tmp/hm-corpus-wide94"))  # another dir lets two steps run at once
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Mercurial, Subversion, fossil, breezy and darcs from Debian, installed once."""
    for tool, pkg in (("hg", "mercurial"), ("svn", "subversion"), ("fossil", "fossil"), ("brz", "brz"),
                      ("darcs", "darcs")):
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the seeded history every VCS replays

AUTHORS = [("Maren Holt", "maren@example.org"), ("Tobias Renn", "tobias@example.org"),
           ("Asha Quint", "asha@example.org"), ("Dario Veld", "dario@example.org"), ("Lena Park", "lena@example.org")]
NOTES = ["keep in sync with the docs", "see the parser for the same case", "cheap enough to call per token",
         "callers rely on this order", "do not translate this message", "checked by the completion tests",
         "the env var wins over the default", "kept for the 7.x plugins"]
# the marked lines a blame question asks about, put in at fixed steps: (step, file, marker text)
MARKS = [(41, "click/types.py", "# FIXME: a float range with clamp=True accepts nan"),
         (97, "click/parser.py", "# XXX: an option prefix of '+' is not tested"),
         (137, "click/core.py", "# BUG: default_map is read before the parent context"),
         (188, "click/termui.py", "# FIXME: the pager ignores LESS when it is set empty"),
         (246, "click/utils.py", "# XXX: echo() on a closed stream is silently dropped")]
BAD_STEP = 137  # the step whose mark a bisect looks for
RENAME_STEP, RENAME = 160, ("click/_textwrap.py", "click/textwrap_compat.py")
REMOVE_STEP, REMOVE = 210, "click/_winconsole.py"
CORE_LINES = 2000  # core.py is kept to its first 2,000 lines (the blamed file)


def click_sources() -> dict[str, list[str]]:
    import click
    src = Path(click.__file__).parent
    out = {}
    for p in sorted(src.glob("*.py")):
        lines = p.read_text().splitlines()
        out[f"click/{p.name}"] = lines[:CORE_LINES] if p.name == "core.py" else lines
    return out


def history(n: int, seed: int = 9401) -> list[dict]:
    """`n` commits: {"author": (name, email), "msg": str, "write": {path: text}, "rename": (a, b) | None,
    "remove": path | None}. Files arrive in chunks of their real lines; the other steps are seeded small edits."""
    rnd = random.Random(seed)
    real = click_sources()
    shown: dict[str, int] = {}
    cur: dict[str, list[str]] = {}
    names = list(real)
    commits = []
    for step in range(n):
        who = AUTHORS[0] if step < 6 else AUTHORS[rnd.choice([0, 0, 1, 1, 2, 3, 4])]
        c = {"author": who, "msg": "", "write": {}, "rename": None, "remove": None}
        mark = next((m for m in MARKS if m[0] == step), None)
        if step < 6:  # the first steps bring every file's opening
            for f in names[step::6]:
                k = min(len(real[f]), max(30, len(real[f]) // 4))
                cur[f], shown[f] = real[f][:k], k
                c["write"][f] = ""
            c["msg"] = "import " + ", ".join(f.split("/")[1] for f in names[step::6]) + " (first part)"
        elif mark:
            f, text = mark[1], mark[2]
            lines = cur[f]
            defs = [i for i, ln in enumerate(lines) if re.match(r"\s*def \w", ln)]
            i = defs[len(defs) // 2] if defs else len(lines) // 2
            indent = re.match(r"\s*", lines[i]).group(0) + "    "
            lines.insert(i + 1, indent + text)
            c["msg"] = f"{f.split('/')[1][:-3]}: " + ["tidy the range checks", "allow '+' prefixes",
                                                      "read default_map early", "respect LESS in the pager",
                                                      "quiet echo on closed streams"][MARKS.index(mark)]
            c["write"][f] = ""
        elif step == RENAME_STEP:
            a, b = RENAME
            cur[b], shown[b], real[b] = cur.pop(a), shown.pop(a), real.pop(a)
            names[names.index(a)] = b
            for f in cur:
                cur[f] = [ln.replace("from ._textwrap import", "from .textwrap_compat import") for ln in cur[f]]
                c["write"][f] = ""
            c["rename"] = RENAME
            c["msg"] = "rename _textwrap to textwrap_compat"
        elif step == REMOVE_STEP:
            cur.pop(REMOVE), shown.pop(REMOVE), real.pop(REMOVE)
            names.remove(REMOVE)
            c["remove"] = REMOVE
            c["msg"] = "drop the Windows console module"
        else:
            pending = [f for f in names if shown[f] < len(real[f])]
            r = rnd.random()
            if pending and r < 0.55:
                core = "click/core.py" in pending and rnd.random() < 0.4
                f = "click/core.py" if core else rnd.choice(pending)
                k = min(len(real[f]) - shown[f], rnd.randint(10, 40))
                chunk = real[f][shown[f]:shown[f] + k]
                cur[f] += chunk
                shown[f] += k
                d = next((re.match(r"\s*(?:def|class) (\w+)", ln).group(1) for ln in chunk
                          if re.match(r"\s*(?:def|class) \w", ln)), None)
                c["msg"] = f"{f.split('/')[1][:-3]}: port {d or 'the next block'}"
                c["write"][f] = ""
            else:
                f = rnd.choice(names)
                lines = cur[f]
                i = rnd.randrange(len(lines))
                if r < 0.82 and lines[i].strip():
                    indent = re.match(r"\s*", lines[i]).group(0)
                    lines.insert(i, f"{indent}# note: {rnd.choice(NOTES)}")
                    c["msg"] = f"{f.split('/')[1][:-3]}: comment line {i + 1}"
                else:
                    notes = [j for j, ln in enumerate(lines) if "# note:" in ln]
                    if notes:
                        j = rnd.choice(notes)
                        lines[j] = lines[j].replace("# note:", "# NOTE:", 1) + f" ({who[0].split()[0].lower()})"
                        c["msg"] = f"{f.split('/')[1][:-3]}: sign a note"
                    else:
                        lines.insert(i, "")
                        c["msg"] = f"{f.split('/')[1][:-3]}: spacing"
                c["write"][f] = ""
        for f in list(c["write"]):
            c["write"][f] = "\n".join(cur[f]) + "\n"
        commits.append(c)
    return commits


def write_step(root: Path, c: dict) -> None:
    for f, text in c["write"].items():
        p = root / f
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)


def steps() -> list:
    import capture_wide94_vcs as vcs
    return vcs.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide94", sys.modules["__main__"])
    main()
