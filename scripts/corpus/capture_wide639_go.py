"""Round 639, Go and shell: a brush maker's order tally in Go (`bristletally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `brushloft` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (63910) and words, as rounds
292-629 call it; each kind's extractor is the earlier rounds'. Run through capture_wide639.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide639 import cap

# the names in the generated code table (round 273's beers): what a brush works draws, bores and packs
BRUSHES = ["Bristle", "Stock", "Knot", "Hog", "Badger", "Horsehair", "Fibre", "Pitch", "Wire", "Handle", "Ferrule",
           "Crate"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "bristletally"),
    ("casebook", "brushloft"),
    ("ledger host", "brush works office"),
    ("litres left, days", "knots left, days"),
    ("nothing left to pour", "no bristles left to draw"),
    ("pour order", "drawing order"),
    ("pour grade", "bristle grade"),
    ("Keg", "Bench"),
    ("keg", "bench"),
    ("Beer", "Brush"),
    ("beer", "brush"),
    ("Cellar", "Loft"),
    ("cellar", "loft"),
    ("Pints", "Knots"),
    ("pints", "knots"),
)

STEPS = make_steps(cap, "bristletally", "brushloft", 63910, BRUSHES, RENAMES)
