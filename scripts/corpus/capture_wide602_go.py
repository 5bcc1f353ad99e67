"""Round 602, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a
clock works' words: the module `beatsetter` (a tally with failing subtests over a seeded table, seed 60213), go test
-v, a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`clockhouse` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env
K=V` in front of the command), as round 584 does. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide602.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide602 import cap as cap368

NAMES = ["Deadbeat Anchor", "Grasshopper Pallet", "Gridiron Pendulum", "Mercury Bob", "Verge Crown", "Fusee Chain",
         "Count Wheel", "Rack Strike", "Crutch Fork", "Suspension Spring", "Escape Wheel", "Motion Work"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "beatsetter"),
    ("casebook", "clockhouse"),
    ("ledger host", "works host"),
    ("litres left, days", "beats left, running days"),
    ("nothing left to pour", "nothing left to regulate"),
    ("pour order", "beat order"),
    ("pour grade", "rate grade"),
    ("Keg", "Movement"),
    ("keg", "movement"),
    ("Beer", "Pendulum"),
    ("beer", "pendulum"),
    ("Cellar", "Works"),
    ("cellar", "works"),
    ("Pints", "Beats"),
    ("pints", "beats"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "beatsetter", "clockhouse", 60213, NAMES, RENAMES)
