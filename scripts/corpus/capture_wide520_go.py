"""Round 520, Go and shell: a lime kiln's tally in Go (`limetally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `chargegate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (52010) and words, as rounds
292-510 call it; each kind's extractor is the earlier rounds'. Run through capture_wide520.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide520 import cap

# the names in the generated code table (round 273's beers): lime kilns
KILNS = [
    "Beadnell",
    "Craster",
    "Lindisfarne",
    "Cotehele",
    "Llanymynech",
    "Crich",
    "Froghall",
    "Charlestown",
    "Annery",
    "Millom",
    "Brancaster",
    "Dunstanburgh",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "limetally"),
    ("casebook", "chargegate"),
    ("ledger host", "kiln host"),
    ("litres left, days", "tonnes left, days"),
    ("nothing left to pour", "no lime left to draw"),
    ("pour order", "draw order"),
    ("pour grade", "lime grade"),
    ("Keg", "Arch"),
    ("keg", "arch"),
    ("Beer", "Kiln"),
    ("beer", "kiln"),
    ("Cellar", "Pot"),
    ("cellar", "pot"),
    ("Pints", "Tonnes"),
    ("pints", "tonnes"),
)

STEPS = make_steps(cap, "limetally", "chargegate", 52010, KILNS, RENAMES)
