"""Round 556, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a
bobbin mill's words: the module `spoolcount` (a tally with failing subtests over a seeded table, seed 55613), go test
-v, a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`turnshop` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env
K=V` in front of the command), as round 537 does. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide556.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide556 import cap as cap368

NAMES = ["Birch Blank", "Roughing Lathe", "Finishing Lathe", "Lathe Spindle", "Boring Bench", "Drying Kiln",
         "Polishing Drum", "Sycamore Billet", "Cotton Reel", "Gouge Rack", "Chuck Key", "Bobbin Crate"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "spoolcount"),
    ("casebook", "turnshop"),
    ("ledger host", "mill host"),
    ("litres left, days", "blanks left, shifts"),
    ("nothing left to pour", "nothing left to turn"),
    ("pour order", "turning order"),
    ("pour grade", "blank grade"),
    ("Keg", "Billet"),
    ("keg", "billet"),
    ("Beer", "Birch"),
    ("beer", "birch"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Bobbins"),
    ("pints", "bobbins"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "spoolcount", "turnshop", 55613, NAMES, RENAMES)
