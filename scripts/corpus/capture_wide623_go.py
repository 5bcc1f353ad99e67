"""Round 623, Go and shell: a lead mine's tally in Go (`leadtally`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `leadlevel` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (62310) and words, as rounds
292-605 call it; each kind's extractor is the earlier rounds'. Run through capture_wide623.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide623 import cap

# the names in the generated code table (round 273's beers): what a lead mine digs, washes and smelts
ORES = ["Galena", "Bouse", "Spar", "Cerussite", "Pig", "Slag", "Fluor", "Barytes", "Chert", "Sump", "Knocking",
        "Smelt"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "leadtally"),
    ("casebook", "leadlevel"),
    ("ledger host", "mine office"),
    ("litres left, days", "bings left, days"),
    ("nothing left to pour", "no bouse left to wash"),
    ("pour order", "washing order"),
    ("pour grade", "ore grade"),
    ("Keg", "Level"),
    ("keg", "level"),
    ("Beer", "Ore"),
    ("beer", "ore"),
    ("Cellar", "Orehouse"),
    ("cellar", "orehouse"),
    ("Pints", "Bings"),
    ("pints", "bings"),
)

STEPS = make_steps(cap, "leadtally", "leadlevel", 62310, ORES, RENAMES)
