"""Round 490, Go and shell: round 273's Go module and ops scripts (`capture_wide273_go.make_steps`, imported) in a signal
lamp works' words: the module `wickyard` (a tally with failing subtests over a seeded table, seed 49013), go test -v, a
`go test | tail; echo EXIT=$?` chain (round 9b's runner), go vet, go build errors, and shellcheck over the `beaconrow`
app's scripts. Each runs under a pseudo-terminal through round 368's `cap` (its environment spelt as `env K=V` in front
of the command), as round 473's `capture_wide473_go` does. Extractors as round 273's: n_go_test / n_go_build
(capture_wide15_langs), n_go_vet (capture_more), n_shellcheck (capture_wide15_diag). Run through capture_wide490.py."""
from __future__ import annotations

from pathlib import Path

from capture_wide273_go import make_steps
from capture_wide490 import cap as cap368

NAMES = ["Aldis Ten", "Beacon Four", "Signal Two", "Masthead Six", "Harbour Three", "Fresnel Ring",
         "Bullseye Lens", "Flat Wick", "Round Wick", "Shutter Slat", "Burner Cap", "Reflector Dish"]
# Round 273's words, then this round's.
RENAMES = (
    ("kegtally", "wickyard"),
    ("casebook", "beaconrow"),
    ("ledger host", "lamproom host"),
    ("litres left, days", "oil left, nights"),
    ("nothing left to pour", "nothing left to light"),
    ("pour order", "trim order"),
    ("pour grade", "wick grade"),
    ("Keg", "Lamp"),
    ("keg", "lamp"),
    ("Beer", "Lens"),
    ("beer", "lens"),
    ("Cellar", "Works"),
    ("cellar", "works"),
    ("Pints", "Wicks"),
    ("pints", "wicks"),
)


def cap(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap368(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


STEPS = make_steps(cap, "wickyard", "beaconrow", 49013, NAMES, RENAMES)
