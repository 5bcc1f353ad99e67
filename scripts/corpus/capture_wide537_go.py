"""Round 537, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a
rope walk's words: the module `yarncount` (a tally with failing subtests over a seeded table, seed 53713), go test -v,
a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the `walkdesk`
app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env K=V` in front
of the command), as rounds 513 and 527 do. Extractors as round 273's: n_go_test / n_go_build (capture_wide15_langs),
n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide537.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide537 import cap as cap368

NAMES = ["Spun Yarn", "Forming Jack", "Laying Top", "Jack Wheel", "Hatchel Bench", "Tar Kettle",
         "Walk Sledge", "Hemp Bale", "Manila Hank", "Strand Hook", "Hawser Coil", "Cable Reel"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "yarncount"),
    ("casebook", "walkdesk"),
    ("ledger host", "walk host"),
    ("litres left, days", "fathoms left, layings"),
    ("nothing left to pour", "nothing left to spin"),
    ("pour order", "laying order"),
    ("pour grade", "yarn grade"),
    ("Keg", "Hank"),
    ("keg", "hank"),
    ("Beer", "Hemp"),
    ("beer", "hemp"),
    ("Cellar", "Walk"),
    ("cellar", "walk"),
    ("Pints", "Fathoms"),
    ("pints", "fathoms"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "yarncount", "walkdesk", 53713, NAMES, RENAMES)
