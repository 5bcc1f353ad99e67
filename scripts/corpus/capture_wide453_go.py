"""Round 453, Go and shell: a lime kiln's draw-hole tally in Go (`drawtally`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `quarrywharf` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (45310) and words, as rounds
292-447 call it; each kind's extractor is the earlier rounds'. Run through capture_wide453.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide453 import cap

# the names in the generated code table (round 273's beers): a lime kiln's limes and stones
LIMES = [
    "Quicklime",
    "Slaked Lime",
    "Hydraulic Lime",
    "Burnt Lump",
    "Fat Lime",
    "Lean Lime",
    "Grey Chalk",
    "Blue Lias",
    "Dolomite",
    "Carboniferous",
    "Oolite",
    "Magnesian",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "drawtally"),
    ("casebook", "quarrywharf"),
    ("ledger host", "weighhouse host"),
    ("litres left, days", "tons left, days"),
    ("nothing left to pour", "nothing left to draw"),
    ("pour order", "draw order"),
    ("pour grade", "lime grade"),
    ("Keg", "Barrow"),
    ("keg", "barrow"),
    ("Beer", "Lime"),
    ("beer", "lime"),
    ("Cellar", "Kiln"),
    ("cellar", "kiln"),
    ("Pints", "Tons"),
    ("pints", "tons"),
)

STEPS = make_steps(cap, "drawtally", "quarrywharf", 45310, LIMES, RENAMES)
