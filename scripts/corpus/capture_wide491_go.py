"""Round 491, Go and shell: a tide mill's pond tally in Go (`pondtally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `ebbgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (49110) and words, as rounds
292-485 call it; each kind's extractor is the earlier rounds'. Run through capture_wide491.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide491 import cap

# the names in the generated code table (round 273's beers): tide mills and their millponds
MILLS = [
    "Woodbridge",
    "Eling",
    "Thorrington",
    "Carew",
    "Three Mills",
    "Birdham",
    "Fingringhoe",
    "Beaulieu",
    "Pembroke",
    "Topsham",
    "Emsworth",
    "Rossmore",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "pondtally"),
    ("casebook", "ebbgate"),
    ("ledger host", "millhouse host"),
    ("litres left, days", "tides left, days"),
    ("nothing left to pour", "no head left to mill"),
    ("pour order", "draw order"),
    ("pour grade", "meal grade"),
    ("Keg", "Sluice"),
    ("keg", "sluice"),
    ("Beer", "Mill"),
    ("beer", "mill"),
    ("Cellar", "Millpond"),
    ("cellar", "millpond"),
    ("Pints", "Sacks"),
    ("pints", "sacks"),
)

STEPS = make_steps(cap, "pondtally", "ebbgate", 49110, MILLS, RENAMES)
