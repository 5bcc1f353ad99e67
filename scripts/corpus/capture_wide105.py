#!/usr/bin/env python3
"""Capture round 105 of the compression corpus: second samples of round 94's version-control kinds and round 100's
loopback-service kinds, no new rules. Mercurial, Subversion (a local file:// repository), fossil, breezy and darcs
replay a seeded history of another package's sources (jinja2, as installed in the venv running this script: other
authors, marks, a rename and a removal, a `release-3.2` branch whose edits conflict with the main line's); BIND 9,
OpenLDAP, Varnish, Samba, Postfix, fail2ban and vsftpd run on 127.0.0.1 only for a mountain railway cooperative
(`alprail`: a zone per line, a directory of staff and rolling stock, a cache in front of a timetable API, depot shares,
a mail relay for service notices, a guarded SSH gateway, an FTP drop for timetables), with mistakes of their own put
in. Command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `; echo EXIT=$?`).
The needles come from the extractors rounds 94 and 100 used for each kind, imported from capture_wide94_vcs.py,
capture_wide100_dir.py and capture_wide100_svc.py (NEEDLES.md's "Round 105" section). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide105.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide105.json  as {"version": 2, "items": [...]}, ids prefixed "wide105-".
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

ID_PREFIX = "wide105-"
DEFAULT_OUT = HERE / "data" / "wide105.json"
TMP = Path(os.environ.get("HM_WIDE105_TMP", "/tmp/hm-corpus-wide105"))  # another dir lets two steps run at once
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The Debian packages rounds 94 and 100 installed, installed once."""
    for tool, pkg in (("hg", "mercurial"), ("svn", "subversion"), ("fossil", "fossil"), ("brz", "brz"),
                      ("darcs", "darcs"), ("named", "bind9"), ("named-checkzone", "bind9-utils"),
                      ("dig", "bind9-dnsutils"), ("slapd", "slapd"), ("ldapsearch", "ldap-utils"),
                      ("varnishd", "varnish"), ("testparm", "samba-common-bin"), ("smbd", "samba"),
                      ("smbclient", "smbclient"), ("postfix", "postfix"), ("fail2ban-regex", "fail2ban"),
                      ("vsftpd", "vsftpd")):
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the seeded history every VCS replays

AUTHORS = [("Ines Fjell", "ines@example.net"), ("Rasmus Okoro", "rasmus@example.net"),
           ("Yuki Tanabe", "yuki@example.net"), ("Bogdan Lisu", "bogdan@example.net"),
           ("Priya Nair", "priya@example.net"), ("Colm Breen", "colm@example.net")]
REMARKS = ["mirrors the sandbox's check", "undefined must stay falsy here", "autoescape decides this path",
           "the lexer caches this per environment", "keep the order of the filters", "async variant below",
           "shared with the native types", "measured hot in the benchmarks", "the loader may hand back bytes"]
# the marked lines a blame question asks about: (step, file, marker text)
MARKS = [(33, "jinja2/filters.py", "# BUG: do_truncate counts the end string twice when leeway is 0"),
         (84, "jinja2/lexer.py", "# FIXME: a line statement prefix of '%%' is lexed as a comment"),
         (129, "jinja2/runtime.py", "# XXX: LoopContext.length consumes a generator passed twice"),
         (171, "jinja2/nodes.py", "# FIXME: Const.from_untrusted accepts a frozenset of tuples"),
         (214, "jinja2/filters.py", "# XXX: do_wordwrap drops a trailing newline")]
RENAME_STEP, RENAME = 140, ("jinja2/idtracking.py", "jinja2/scope_tracking.py")
REMOVE_STEP, REMOVE = 190, "jinja2/nativetypes.py"
MAX_LINES = 1800  # the longest modules are kept to their first 1,800 lines


def jinja_sources() -> dict[str, list[str]]:
    import jinja2
    src = Path(jinja2.__file__).parent
    return {f"jinja2/{p.name}": p.read_text().splitlines()[:MAX_LINES] for p in sorted(src.glob("*.py"))}


def history(n: int, seed: int = 10501) -> list[dict]:
    """`n` commits: {"author": (name, email), "msg": str, "write": {path: text}, "rename": (a, b) | None,
    "remove": path | None}. Files arrive in chunks of their real lines; the other steps are seeded small edits."""
    rnd = random.Random(seed)
    real = jinja_sources()
    shown: dict[str, int] = {}
    cur: dict[str, list[str]] = {}
    names = list(real)
    commits = []
    for step in range(n):
        who = AUTHORS[1] if step < 5 else AUTHORS[rnd.choice([0, 1, 1, 1, 2, 3, 4, 5])]
        c = {"author": who, "msg": "", "write": {}, "rename": None, "remove": None}
        mark = next((m for m in MARKS if m[0] == step), None)
        if step < 5:
            for f in names[step::5]:
                k = min(len(real[f]), max(25, len(real[f]) // 5))
                cur[f], shown[f] = real[f][:k], k
                c["write"][f] = ""
            c["msg"] = "bring in " + ", ".join(f.split("/")[1][:-3] for f in names[step::5])
        elif mark:
            f, text = mark[1], mark[2]
            lines = cur[f]
            defs = [i for i, ln in enumerate(lines) if re.match(r"\s*def \w", ln)]
            i = defs[len(defs) // 3] if defs else len(lines) // 3
            indent = re.match(r"\s*", lines[i]).group(0) + "    "
            lines.insert(i + 1, indent + text)
            c["msg"] = f"{f.split('/')[1][:-3]}: " + ["shorter truncate", "line statement prefixes",
                                                      "loop length without a list", "untrusted constants",
                                                      "wordwrap keeps paragraphs"][MARKS.index(mark)]
            c["write"][f] = ""
        elif step == RENAME_STEP:
            a, b = RENAME
            cur[b], shown[b], real[b] = cur.pop(a), shown.pop(a), real.pop(a)
            names[names.index(a)] = b
            for f in cur:
                new = [ln.replace(".idtracking import", ".scope_tracking import") for ln in cur[f]]
                if new != cur[f]:
                    cur[f] = new
                    c["write"][f] = ""
            c["write"][b] = ""
            c["rename"] = RENAME
            c["msg"] = "move idtracking to scope_tracking"
        elif step == REMOVE_STEP:
            cur.pop(REMOVE), shown.pop(REMOVE), real.pop(REMOVE)
            names.remove(REMOVE)
            c["remove"] = REMOVE
            c["msg"] = "native types leave the core"
        else:
            pending = [f for f in names if shown[f] < len(real[f])]
            r = rnd.random()
            if pending and r < 0.6:
                f = rnd.choice(pending)
                k = min(len(real[f]) - shown[f], rnd.randint(15, 55))
                chunk = real[f][shown[f]:shown[f] + k]
                cur[f] += chunk
                shown[f] += k
                d = next((re.match(r"\s*(?:async def|def|class) (\w+)", ln).group(1) for ln in chunk
                          if re.match(r"\s*(?:async def|def|class) \w", ln)), None)
                c["msg"] = f"{f.split('/')[1][:-3]}: add {d or 'more of the module'}"
                c["write"][f] = ""
            else:
                f = rnd.choice(names)
                lines = cur[f]
                i = rnd.randrange(len(lines))
                if r < 0.85 and lines[i].strip():
                    indent = re.match(r"\s*", lines[i]).group(0)
                    lines.insert(i, f"{indent}# remark: {rnd.choice(REMARKS)}")
                    c["msg"] = f"{f.split('/')[1][:-3]}: remark at line {i + 1}"
                else:
                    rem = [j for j, ln in enumerate(lines) if "# remark:" in ln]
                    if rem:
                        j = rnd.choice(rem)
                        lines[j] = lines[j].replace("# remark:", "# checked:", 1) + f" [{who[0].split()[0].lower()}]"
                        c["msg"] = f"{f.split('/')[1][:-3]}: confirm a remark"
                    else:
                        lines.insert(i, "")
                        c["msg"] = f"{f.split('/')[1][:-3]}: whitespace"
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
    import capture_wide105_vcs as vcs  # hg, svn, fossil, brz, darcs
    import capture_wide105_net as net  # BIND, OpenLDAP, Varnish, Samba, Postfix, fail2ban, vsftpd
    return vcs.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide105", sys.modules["__main__"])
    main()
