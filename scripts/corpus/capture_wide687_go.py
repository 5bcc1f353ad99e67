"""Round 687, Go and shell: a brushmaker's tally of knots in Go (`bristlebox`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `pitchpan` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (68710) and words, as rounds
292-679 call it; each kind's extractor is the earlier rounds'. Run through capture_wide687.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide687 import cap

# the names in the generated code table (round 273's beers): the brushes a brushmaker draws and sets
WARES = ["Hearth", "Scrubbing", "Shaving", "Paste", "Sash", "Flue", "Dandy", "Hat", "Tooth", "Banister", "Stencil",
         "Varnish"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "bristlebox"),
    ("casebook", "pitchpan"),
    ("ledger host", "brush shop office"),
    ("litres left, days", "knots left, days"),
    ("nothing left to pour", "no knot left to set"),
    ("pour order", "drawing order"),
    ("pour grade", "bristle grade"),
    ("Keg", "Stock"),
    ("keg", "stock"),
    ("Beer", "Brush"),
    ("beer", "brush"),
    ("Cellar", "Shop"),
    ("cellar", "shop"),
    ("Pints", "Knots"),
    ("pints", "knots"),
)

STEPS = make_steps(cap, "bristlebox", "pitchpan", 68710, WARES, RENAMES)
