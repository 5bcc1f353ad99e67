"""Round 584, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a
weaving shed's words: the module `shedtally` (a tally with failing subtests over a seeded table, seed 58413), go test
-v, a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`shedhouse` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env
K=V` in front of the command), as rounds 556 and 568 do. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide584.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide584 import cap as cap368

NAMES = ["Plain Weave", "Twill Cam", "Satin Dobby", "Jacquard Card", "Fly Shuttle", "Warp Beam",
         "Cloth Roller", "Heald Frame", "Reed Dent", "Pirn Winder", "Selvedge Temple", "Weft Fork"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "shedtally"),
    ("casebook", "shedhouse"),
    ("ledger host", "shed host"),
    ("litres left, days", "picks left, weaving days"),
    ("nothing left to pour", "nothing left to weave"),
    ("pour order", "pick order"),
    ("pour grade", "cloth grade"),
    ("Keg", "Beam"),
    ("keg", "beam"),
    ("Beer", "Cloth"),
    ("beer", "cloth"),
    ("Cellar", "Shed"),
    ("cellar", "shed"),
    ("Pints", "Picks"),
    ("pints", "picks"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "shedtally", "shedhouse", 58413, NAMES, RENAMES)
