"""Round 412, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a glass
shop's words: the module `tagliol` (a crucible tally with failing subtests over a seeded table, seed 41213), go test -v,
a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`soffietta` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as
`env K=V` in front of the command). Extractors as round 273's: n_go_test / n_go_build (capture_wide15_langs),
n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide412.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide412 import cap as cap368

NAMES = ["Zanfirico Cane", "Reticello Pick", "Vitrigraph Pull", "Siviera Ladle", "Kugler Rod", "Tazza Foot",
         "Crackoff Bench", "Pipewarmer Rack", "Puffer Tip", "Yoke Rest", "Tagliol Cut", "Soffietta Puff"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "tagliol"),
    ("casebook", "soffietta"),
    ("ledger host", "furnace host"),
    ("litres left, days", "kilos left, hours"),
    ("nothing left to pour", "nothing left to gather"),
    ("pour order", "gather order"),
    ("pour grade", "glass grade"),
    ("Keg", "Crucible"),
    ("keg", "crucible"),
    ("Beer", "Batch"),
    ("beer", "batch"),
    ("Cellar", "Hotshop"),
    ("cellar", "hotshop"),
    ("Pints", "Gathers"),
    ("pints", "gathers"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "tagliol", "soffietta", 41213, NAMES, RENAMES)
