"""Fidelity rules of issue #11's eighteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.documents import looks_like_code_or_prose
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import cut

S = CompressionSettings()


def _rustc_warnings(count: int) -> str:
    """The tail of a clippy run: warnings whose excerpts are code, under gutters with and without
    line numbers, and no `Checking` line above them (cut away by `| tail`)."""
    blocks = []
    for k in range(count):
        n = 9 + 8 * (k // 2)
        blocks.append(
            f"warning: unneeded `return` statement\n  --> src/probe{k % 7}.rs:{n}:{18 + 19 * (k % 2)}\n   |\n"
            f"{n} |     if bt == 0 {{ return 0; }} else {{ return bt - {k % 30}; }}\n"
            f"   |                  ^^^^^^^^\n   |\n"
            "   = help: for further information visit https://rust-lang.github.io/rust-clippy/index.html#needless_return\n"
            f"help: remove `return`\n   |\n{n} -     if bt == 0 {{ return 0; }} else {{ return bt - {k % 30}; }}\n"
            f"{n} +     if bt == 0 {{ 0 }} else {{ return bt - {k % 30}; }}\n   |\n"
        )
    return "\n".join(blocks) + f"\nwarning: `roastlog` (lib) generated {count} warnings\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.35s\n"


def test_a_diagnostics_bare_gutter_marks_its_excerpts_as_no_code_to_read() -> None:
    # rustc's and ruff's gutters hold a number only on the excerpt's own line; the bars alone and
    # the bars over carets are as much the diagnostic's as the `-->` place.
    text = _rustc_warnings(120)
    assert not looks_like_code_or_prose(text)
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and len(out.text) < len(text) // 4
    assert "generated 120 warnings" in out.text
    assert all(f"--> src/probe{k}.rs:" in out.text for k in range(7))  # one of each file


def test_code_with_bars_of_its_own_is_still_code() -> None:
    # OCaml's variants and match arms open with a bar, but hold more than carets after it.
    arms = "\n".join(
        f"type shape{k} =\n  | Circle of float\n  | Rect of float * float\n\nlet area{k} = function\n"
        f"  | Circle r -> 3.14 *. r *. r\n  | Rect (w, h) -> w *. h;;\n"
        for k in range(30))
    assert looks_like_code_or_prose(arms)


def _principals(count: int) -> str:
    """A loop's `kadmin.local -q "getprinc …"`: one principal after another, no blank line between."""
    out = []
    for k in range(count):
        odd = k == count // 2
        out += [
            "Authenticating as principal root/admin@EXAMPLE.TEST with password." if k % 3 == 0 else "",
            f"Principal: user{k:02d}@EXAMPLE.TEST",
            "Expiration date: [never]",
            f"Last password change: Tue Dec 01 22:{k:02d}:43 UTC 2026",
            f"Failed password attempts: {k % 2}",
            "Number of keys: 2",
            "Key: vno 1, aes256-cts-hmac-sha1-96",
            "Key: vno 1, aes128-cts-hmac-sha1-96",
            "MKey: vno 1",
            "Attributes: DISALLOW_ALL_TIX" if odd else "Attributes: REQUIRES_PRE_AUTH",
            "Policy: quarantine" if odd else "Policy: office",
        ]
    return "\n".join(x for x in out if x) + "\n"


def test_records_that_open_with_one_label_keep_their_rare_values_without_blank_lines() -> None:
    # A loop prints records back to back: each opens with the first labelled line's label, and a
    # value few of them hold stays with the line that names its record.
    text = _principals(24)
    out = cut(text)
    assert out != text
    assert "Attributes: DISALLOW_ALL_TIX" in out and "Policy: quarantine" in out
    assert "Principal: user12@EXAMPLE.TEST" in out


def test_a_log_whose_lines_open_with_a_level_is_no_run_of_records() -> None:
    from headroom_mitm.compress.records import _opened_fields

    log = [f"INFO: worker {k % 4} polled orders ({k * 7 % 90} jobs)" for k in range(60)]
    log[30] = "WARNING: worker 2 slow"
    assert _opened_fields(log, "\n" + "\n".join(log)) == {}
