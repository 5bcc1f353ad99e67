"""Round 777, Go and shell: a locksmith's tally of locks in Go (`leverloft`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `keywaybook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (77710) and words, as rounds
292-754 call it; each kind's extractor is the earlier rounds'. Run through capture_wide777.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide777 import cap

# the names in the generated code table (round 273's beers): the key blanks a locksmith keeps on the board
WARES = ["Schlage SC1", "Kwikset KW1", "Yale Y1", "Chubb C4", "Union U3", "Era E2", "Abloy A6", "Mul-T-Lock M7",
         "Assa A12", "Medeco M3", "Sargent S22", "Corbin C5"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "leverloft"),
    ("casebook", "keywaybook"),
    ("ledger host", "locksmith's loft"),
    ("litres left, days", "blanks left, days"),
    ("nothing left to pour", "no blank left to cut"),
    ("pour order", "cutting order"),
    ("pour grade", "bitting grade"),
    ("Keg", "Lock"),
    ("keg", "lock"),
    ("Beer", "Blank"),
    ("beer", "blank"),
    ("Cellar", "Ward"),
    ("cellar", "ward"),
    ("Pints", "Cuts"),
    ("pints", "cuts"),
)

STEPS = make_steps(cap, "leverloft", "keywaybook", 77710, WARES, RENAMES)
