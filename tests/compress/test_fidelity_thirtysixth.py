"""Fidelity rules of issue #11's thirty-sixth pass: each test names the rule and fails without it;
two guards."""

from __future__ import annotations

import random

from headroom_mitm.compress.lines import FAIL, WARN, severity
from headroom_mitm.compress.settings import CompressionSettings
from headroom_mitm.compress.transforms import refer_repeated_blocks
from tests.compress.support import expand_repeats, lossy, sent

_EXPLANATIONS = [
    [
        "    Returning `undef' upon failure from a subroutine is pretty common. But if the",
        "    subroutine is called in list context, an explicit `return undef;' statement",
        "    will return a one-element list containing `(undef)'. Now if that list is",
        "    subsequently put in a boolean context to test for failure, then it evaluates",
        "    to true. But you probably wanted it to be false.",
    ],
    [
        "    Conway advises against using the two-argument form of `open' because it",
        "    leaves the file's mode to be guessed from the name it is given, and a name",
        "    that starts with `>' or ends in `|' does what its caller never asked for.",
        "    Use the three-argument form, which says the mode apart from the name.",
    ],
]


def _critic_report(rng: random.Random) -> tuple[str, list[str]]:
    """perlcritic --verbose 11's shape: per violation a located message, its policy and severity,
    then the policy's whole explanation, the same under every violation of the policy."""
    out: list[str] = []
    located: list[str] = []
    for k in range(40):
        policy = rng.randrange(2)
        where = f"at line {rng.randint(1, 900)}, column {rng.randint(1, 60)}, near 'sub drover_{k}'."
        message = ('"return" statement with explicit "undef" ' if policy == 0 else "Two-argument \"open\" used ") + where
        located.append(message)
        name = "Subroutines::ProhibitExplicitReturnUndef" if policy == 0 else "InputOutput::ProhibitTwoArgOpen"
        out += [message, f"  {name} (Severity: 5)", *_EXPLANATIONS[policy], ""]
    return "\n".join(out), located


def test_a_repeated_explanation_is_sent_once() -> None:
    # A report judged prose (it is mostly prose) was sent whole; each later copy of a policy's
    # explanation is now a marker naming the lines of its first copy, and every finding stays.
    text, located = _critic_report(random.Random(36))
    out = lossy(text)
    assert [x for x in located if x not in out] == []
    assert out.count(_EXPLANATIONS[0][0]) == 1 and out.count(_EXPLANATIONS[1][0]) == 1
    assert len(out) < 0.5 * len(text)
    assert expand_repeats(out) == text


def test_a_marker_names_only_lines_that_were_sent() -> None:
    # A block whose first copy is interrupted by an earlier block's copy: the window across the
    # seam stood whole nowhere, so a later copy of it may only name lines sent as they are.
    rng = random.Random(3600)
    blocks = [[f"  {rng.choice(['slate', 'batten', 'hip', 'ridge'])} {rng.getrandbits(60):x} " + "laid " * 8 for _ in range(6)]
              for _ in range(5)]
    order = [0, 1, 0, 2, 1, 3, 2, 0, 4, 3, 1, 4, 2]
    lines = [x for i, b in enumerate(order) for x in [f"course {i}:", *blocks[b]]]
    text = "\n".join(lines)
    res = refer_repeated_blocks(text, CompressionSettings())
    assert res is not None
    assert expand_repeats(res.text) == text
    assert res.text.count("[… lines") >= 7


def test_guard_short_repeats_stay() -> None:
    # Three lines, or four short ones (a closing brace, a blank, a return), are no block: a marker
    # costs about as much. A function's body that repeats them stays as it is.
    body = ["    if (x == null) {", "        return 0;", "    }", ""]
    text = "\n".join(line for k in range(80) for line in (f"int slate_{k}(int *x) {{", *body[:3], "}", ""))
    assert refer_repeated_blocks(text, CompressionSettings()) is None
    assert sent(text) == text


def _npm_ls(rng: random.Random, n: int, mark: str) -> tuple[str, list[str]]:
    names = [f"{rng.choice(['ab', 'cd', 'ef', 'gh'])}{rng.choice(['core', 'util', 'parse', 'lex'])}-{k}" for k in range(n)]
    entries = [f"{name}@{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}{mark}" for name in names]
    lines = ["slatery@0.1.0 /srv/slatery", *(f"├── {e}" for e in entries[:-1]), f"└── {entries[-1]}", ""]
    return "\n".join(lines), entries


def test_every_extraneous_package_of_a_flat_npm_ls_stays() -> None:
    # `npm ls` where node_modules holds what package.json does not name marks each such package
    # `extraneous` (and exits 1): each is a problem to report, as `invalid`, `missing` and `UNMET`
    # are, not one of a flat list's entries to sample.
    text, entries = _npm_ls(random.Random(36), 320, " extraneous")
    out = sent(text)
    assert [e for e in entries if e not in out] == []


def test_guard_an_extraneous_warning_still_warns() -> None:
    # clang's `warning: extraneous parentheses` says warning first: a warning, not a failure.
    assert severity("fold.c:12:9: warning: extraneous parentheses around the comparison [-Wparentheses-equality]") == WARN
    assert severity("npm error extraneous: abcore-3@1.2.3 /srv/slatery/node_modules/abcore-3") == FAIL
