"""Opaque encodings: the base64 body of a PEM block (a certificate, a key, a signature printed by
openssl, gpg or ssh-keygen) and the colon-separated hex bytes of a key or a signature under
`openssl x509 -text`. Each line is unique, so a log's ranking lifts it as a one-off line, yet none
says anything a model reads: they are the first lines to go. The armour's BEGIN and END lines stay
as they were ranked (what the block is)."""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .select import LOW, MUST

_BEGIN = "-----BEGIN "
_END = "-----END "
_HEX_BYTES = re.compile(r"[ \t]*(?:[0-9A-Fa-f]{2}:){12,}[0-9A-Fa-f]{0,2}[ \t]*")
_HEX_PROBE = re.compile(r"\n[ \t]*(?:[0-9A-Fa-f]{2}:){12}")


def drop_first_opaque(index: LineIndex, rank: list[int]) -> None:
    """Rank the lines of opaque encodings LOW (a line that must stay stays)."""
    lines = index.lines
    opaque: list[int] = []
    reached = 0  # each line is looked at once, however many BEGIN lines stand without an END
    for at in index.occurrences(_BEGIN):
        i = index.line_of(at)
        if i < reached:
            continue
        k = i + 1
        while k < len(lines) and not lines[k].startswith(_END) and k - i < 2000:
            opaque.append(k)
            k += 1
        reached = k
    if _HEX_PROBE.search(index.text):
        opaque += index.where(_HEX_BYTES, probe=_HEX_PROBE)
    for i in opaque:
        if rank[i] != MUST:
            rank[i] = LOW
