"""Round 510, Go and shell: a windmill's grinding tally in Go (`grindtally`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `luffgate` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (51010) and words, as rounds
292-501 call it; each kind's extractor is the earlier rounds'. Run through capture_wide510.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide510 import cap

# the names in the generated code table (round 273's beers): windmills
MILLS = [
    "Cley",
    "Saxtead Green",
    "Pitstone",
    "Heage",
    "Jill",
    "Chillenden",
    "Wicken",
    "Bidston",
    "Great Chishill",
    "Outwood",
    "Stelling Minnis",
    "Burnham Overy",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "grindtally"),
    ("casebook", "luffgate"),
    ("ledger host", "cap host"),
    ("litres left, days", "sacks left, days"),
    ("nothing left to pour", "no grain left to grind"),
    ("pour order", "grind order"),
    ("pour grade", "meal grade"),
    ("Keg", "Sail"),
    ("keg", "sail"),
    ("Beer", "Mill"),
    ("beer", "mill"),
    ("Cellar", "Floor"),
    ("cellar", "floor"),
    ("Pints", "Sacks"),
    ("pints", "sacks"),
)

STEPS = make_steps(cap, "grindtally", "luffgate", 51010, MILLS, RENAMES)
