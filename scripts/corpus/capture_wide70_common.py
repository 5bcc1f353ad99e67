"""Round 70's shared extractor shape: NEEDLES.md "Round 70"'s rules are each an error pattern (rule 1: the line, and
its location when that sits on another line within the next six), a warning pattern with the key its `{"any"}` groups
by, and the kind's rule 5 value patterns (every matching line a needle); an `EXIT=N` line the agent printed is one."""

from __future__ import annotations

import re

from capture_more import groups, kind, mask

LOC = re.compile(r"(\S+\.(?:[cm]?[jt]sx?|ya?ml|json|graphql|gql|prisma|sql)):(\d+)(?::(\d+))?|"
                 r"-->\s+\S+:\d+|^\s+at \S.*[:(]\d+:\d+\)?\s*$|#/\S+")
EXIT = re.compile(r"^EXIT=\d+$")
FILE = re.compile(r"(\S+\.(?:[cm]?[jt]sx?|ya?ml|json|graphql|gql|prisma|sql))\b")


def rule(name: str, family: str, doc: str, err: str, warn: str | None = None, values: str | None = None,
         loc: bool = True, wkey=None):
    """An extractor for kind `name`: `err` lines with their location, `warn` lines one {any} per key (default: the
    file the line or the last file line names and the message shape), `values` lines each a needle."""
    err_re, warn_re = re.compile(err), re.compile(warn) if warn else None
    val_re = re.compile(values) if values else None

    def ext(lines):
        out, pairs, cur = [], [], None
        for i, ln in enumerate(lines):
            f = FILE.search(ln)
            if f:
                cur = f.group(1)
            if err_re.search(ln):
                out.append(ln)
                if loc and not LOC.search(ln):
                    for j in range(i + 1, min(len(lines), i + 7)):
                        if LOC.search(lines[j]):
                            out.append(lines[j])
                            break
            elif warn_re and warn_re.search(ln):
                key = wkey(ln) if wkey else (cur, mask(ln)[:70])
                pairs.append((key, ln))
            elif val_re and val_re.search(ln):
                out.append(ln)
        out += groups(pairs)
        return out + [ln for ln in lines if EXIT.match(ln.strip())]

    ext.__doc__ = doc
    ext.__name__ = "n_" + name.replace("-", "_")
    return kind(name, family)(ext)
