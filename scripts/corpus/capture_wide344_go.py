"""Round 344, Go and shell: a cooperage's stave and hoop tally in Go (`bungtally`, a stdlib-only module with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a file
of vet findings, go build errors) and shellcheck over the hoopyard app's deploy scripts with faults put in. The material
is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed and words, as
rounds 292-323 call it; each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs, go
vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own (round 9b). Run through
capture_wide344.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide344 import cap

# the names in the generated code table (round 273's beers): a cooperage's staves, hoops and heads
GRAINS = [
    "White Oak Stave",
    "French Oak Head",
    "Chestnut Hoop",
    "Acacia Stave",
    "Mulberry Bung",
    "Galvanised Hoop",
    "Hungarian Oak",
    "Cherry Stave",
    "Ash Truss Hoop",
    "Rush Flag",
    "Cedar Spile",
    "Quarter Cask Head",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "bungtally"),
    ("casebook", "hoopyard"),
    ("ledger host", "yard host"),
    ("litres left, days", "staves left, days"),
    ("nothing left to pour", "nothing left to raise"),
    ("pour order", "raise order"),
    ("pour grade", "stave grade"),
    ("Keg", "Cask"),
    ("keg", "cask"),
    ("Beer", "Wood"),
    ("beer", "wood"),
    ("Cellar", "Yard"),
    ("cellar", "yard"),
    ("Pints", "Staves"),
    ("pints", "staves"),
)

STEPS = make_steps(cap, "bungtally", "hoopyard", 34410, GRAINS, RENAMES)
