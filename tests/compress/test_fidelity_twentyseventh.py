"""Fidelity rules of issue #11's twenty-seventh pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json

from tests.compress.support import sent


def test_every_member_of_a_container_named_errors_stays() -> None:
    # kacl-verify --json: 84 records under "errors", none with a level or a "message" key of the
    # usual names ("error_message", "line_number"); they were sampled to head, tail and anomalies.
    # A GraphQL response's "errors", a validator's "validationErrors" are of the same kind.
    errors = [{"error_message": "Link not referenced anywhere in the document" if k % 3 else "Version is not valid.",
               "line": f"[{k}.2.0]: https://mill.example/releases/v{k}.2.0", "line_number": 300 + 7 * k,
               "start_char_pos": 0, "end_character_pos": 40 + k % 5} for k in range(84)]
    packages = [{"name": f"vat{k}", "version": f"1.{k}.0", "ok": True} for k in range(300)]
    for key in ("errors", "validationErrors", "failures"):
        text = json.dumps({"valid": False, "packages": packages, key: errors}, indent=4)
        kept = sent(text)
        assert "elided" in kept  # the packages are sampled: the document was outlined
        assert [e["line_number"] for e in errors if f'"line_number":{e["line_number"]}' not in kept.replace(" ", "")] == []
    # A container of another name is sampled as before.
    kept = sent(json.dumps({"valid": False, "packages": packages, "links": errors}, indent=4))
    assert sum(f'"line_number":{e["line_number"]}' in kept.replace(" ", "") for e in errors) < len(errors)
