"""Round 513, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a clock
tower's words: the module `striketally` (a tally with failing subtests over a seeded table, seed 51313), go test -v, a
`go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the `belfrydesk`
app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env K=V` in front
of the command), as round 499's `capture_wide499_go` does. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide513.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide513 import cap as cap368

NAMES = ["Great Tom", "East Dial", "West Dial", "Quarter Bell", "Gravity Escapement", "Pin Pallet",
         "Long Pendulum", "Rating Nut", "Going Train", "Strike Train", "Maintaining Power", "Fly Fan"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "striketally"),
    ("casebook", "belfrydesk"),
    ("ledger host", "belfry host"),
    ("litres left, days", "turns left, hours"),
    ("nothing left to pour", "nothing left to wind"),
    ("pour order", "wind order"),
    ("pour grade", "beat grade"),
    ("Keg", "Weight"),
    ("keg", "weight"),
    ("Beer", "Bell"),
    ("beer", "bell"),
    ("Cellar", "Tower"),
    ("cellar", "tower"),
    ("Pints", "Beats"),
    ("pints", "beats"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "striketally", "belfrydesk", 51313, NAMES, RENAMES)
