"""Round 473, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a pattern
shop's words: the module `flaskyard` (a tally with failing subtests over a seeded table, seed 47313), go test -v, a
`go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`partingline` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as
`env K=V` in front of the command). Extractors as round 273's: n_go_test / n_go_build (capture_wide15_langs), n_go_vet
(capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide473.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide473 import cap as cap368

NAMES = ["Loose Piece", "Split Pattern", "Core Box", "Match Plate", "Sweep Board", "Cope Half",
         "Drag Half", "Sprue Pin", "Riser Pad", "Core Print", "Draft Gauge", "Shrink Rule"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "flaskyard"),
    ("casebook", "partingline"),
    ("ledger host", "foundry host"),
    ("litres left, days", "sand left, hours"),
    ("nothing left to pour", "nothing left to ram"),
    ("pour order", "ram order"),
    ("pour grade", "sand grade"),
    ("Keg", "Flask"),
    ("keg", "flask"),
    ("Beer", "Casting"),
    ("beer", "casting"),
    ("Cellar", "Shop"),
    ("cellar", "shop"),
    ("Pints", "Cores"),
    ("pints", "cores"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "flaskyard", "partingline", 47313, NAMES, RENAMES)
