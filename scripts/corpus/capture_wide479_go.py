"""Round 479, Go and shell: a lock flight's pound tally in Go (`pountally`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `flightwharf` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (47910) and words, as rounds
292-465 call it; each kind's extractor is the earlier rounds'. Run through capture_wide479.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide479 import cap

# the names in the generated code table (round 273's beers): a lock flight's locks and flights
LOCKS = [
    "Caen Hill",
    "Tardebigge",
    "Hatton",
    "Foxton",
    "Bingley Five Rise",
    "Devizes",
    "Wigan",
    "Audlem",
    "Marple",
    "Stoke Bruerne",
    "Neptunes Staircase",
    "Watford Staircase",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "pountally"),
    ("casebook", "flightwharf"),
    ("ledger host", "lockhouse host"),
    ("litres left, days", "inches left, days"),
    ("nothing left to pour", "no water left to draw"),
    ("pour order", "lockage order"),
    ("pour grade", "pound level"),
    ("Keg", "Pound"),
    ("keg", "pound"),
    ("Beer", "Lock"),
    ("beer", "lock"),
    ("Cellar", "Flight"),
    ("cellar", "flight"),
    ("Pints", "Inches"),
    ("pints", "inches"),
)

STEPS = make_steps(cap, "pountally", "flightwharf", 47910, LOCKS, RENAMES)
