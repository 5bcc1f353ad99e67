"""Round 444, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a ringing
chamber's words: the module `sallyrope` (a tally with failing subtests over a seeded table, seed 44413), go test -v, a
`go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the `stayslide`
app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env K=V` in front
of the command). Extractors as round 273's: n_go_test / n_go_build (capture_wide15_langs), n_go_vet (capture_more),
n_shellcheck (capture_wide15_diag). Run through capture_wide444.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide444 import cap as cap368

NAMES = ["Treble Sally", "Second Stay", "Third Slider", "Fourth Gudgeon", "Fifth Wheel", "Tenor Headstock",
         "Garter Hole", "Ground Pulley", "Rope Guide", "Clock Hammer", "Bell Chamber", "Ringing Gallery"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "sallyrope"),
    ("casebook", "stayslide"),
    ("ledger host", "tower host"),
    ("litres left, days", "changes left, minutes"),
    ("nothing left to pour", "nothing left to ring"),
    ("pour order", "call order"),
    ("pour grade", "peal grade"),
    ("Keg", "Bell"),
    ("keg", "bell"),
    ("Beer", "Method"),
    ("beer", "method"),
    ("Cellar", "Belfry"),
    ("cellar", "belfry"),
    ("Pints", "Changes"),
    ("pints", "changes"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "sallyrope", "stayslide", 44413, NAMES, RENAMES)
