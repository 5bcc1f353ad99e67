"""Fidelity rules of round 3 (issue #11), found on the tuning part of wide3.json: each test names
the rule and fails without it."""

from __future__ import annotations

from headroom_mitm.compress import lossless as ll
from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> tuple[str, str]:
    return lossy_rendering(text, S)


def test_compact_json_keeps_a_tight_documents_records_as_printed() -> None:
    # tree -J: one tight record a line; joining the lines must not re-space the records
    doc = (
        '[\n  {"type":"directory","name":"d","contents":[\n'
        '    {"type":"file","name":"a b","size":1},\n    {"type":"file","name":"c:d","size":2}\n  ]},\n'
        '  {"type":"report","directories":1,"files":2}\n]\n'
    )
    out = ll.compact_json(doc)
    assert '{"type":"file","name":"a b","size":1}' in out
    assert '{"type":"report","directories":1,"files":2}' in out
    assert "\n" not in out.strip()
