"""Round 499, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a rope
works' words: the module `strandwalk` (a tally with failing subtests over a seeded table, seed 49913), go test -v, a
`go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the `forehouse`
app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env K=V` in front
of the command), as round 490's `capture_wide490_go` does. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide499.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide499 import cap as cap368

NAMES = ["Hemp Hawser", "Manila Cable", "Sisal Line", "Coir Warp", "Flax Lanyard", "Boltrope Ten",
         "Shroud Four", "Cable Nine", "Hatchel Combed", "Spindle Spun", "Layer Three", "Tarred Marline"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "strandwalk"),
    ("casebook", "forehouse"),
    ("ledger host", "ropewalk host"),
    ("litres left, days", "fathoms left, walks"),
    ("nothing left to pour", "nothing left to lay"),
    ("pour order", "lay order"),
    ("pour grade", "yarn grade"),
    ("Keg", "Rope"),
    ("keg", "rope"),
    ("Beer", "Strand"),
    ("beer", "strand"),
    ("Cellar", "Walk"),
    ("cellar", "walk"),
    ("Pints", "Yarns"),
    ("pints", "yarns"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "strandwalk", "forehouse", 49913, NAMES, RENAMES)
