"""Round 527, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a
gunpowder mill's words: the module `cakecount` (a tally with failing subtests over a seeded table, seed 52713), go test
-v, a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`powderdesk` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env
K=V` in front of the command), as round 513's `capture_wide513_go` does. Extractors as round 273's: n_go_test /
n_go_build (capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through
capture_wide527.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide527 import cap as cap368

NAMES = ["Mill Cake", "Press Cake", "Edge Runner", "Bedstone", "Corning Sieve", "Glazing Barrel",
         "Dusting Reel", "Saltpetre Refinery", "Charcoal Cylinder", "Sulphur Still", "Stove Charge", "Magazine Cask"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "cakecount"),
    ("casebook", "powderdesk"),
    ("ledger host", "magazine host"),
    ("litres left, days", "kilos left, charges"),
    ("nothing left to pour", "nothing left to press"),
    ("pour order", "press order"),
    ("pour grade", "grain grade"),
    ("Keg", "Cake"),
    ("keg", "cake"),
    ("Beer", "Powder"),
    ("beer", "powder"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Charges"),
    ("pints", "charges"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "cakecount", "powderdesk", 52713, NAMES, RENAMES)
