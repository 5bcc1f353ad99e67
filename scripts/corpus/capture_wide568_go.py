"""Round 568, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a
paper mill's words: the module `quirecount` (a tally with failing subtests over a seeded table, seed 56813), go test
-v, a `go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the
`reamhouse` app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env
K=V` in front of the command), as round 556 does. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide568.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide568 import cap as cap368

NAMES = ["Laid Mould", "Wove Mould", "Deckle Frame", "Couching Felt", "Screw Press", "Hollander Beater",
         "Rag Engine", "Sizing Tub", "Drying Loft", "Stuff Chest", "Glazing Roll", "Ream Wrapper"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "quirecount"),
    ("casebook", "reamhouse"),
    ("ledger host", "mill host"),
    ("litres left, days", "quires left, making days"),
    ("nothing left to pour", "nothing left to couch"),
    ("pour order", "couching order"),
    ("pour grade", "sheet grade"),
    ("Keg", "Post"),
    ("keg", "post"),
    ("Beer", "Rag"),
    ("beer", "rag"),
    ("Cellar", "Vat"),
    ("cellar", "vat"),
    ("Pints", "Sheets"),
    ("pints", "sheets"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "quirecount", "reamhouse", 56813, NAMES, RENAMES)
