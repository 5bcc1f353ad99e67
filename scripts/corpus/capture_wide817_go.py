"""Round 817, Go and shell: a lorimer's tally of stirrups in Go (`stirruploft`, a stdlib-only module with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `bucklebook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (81710) and words, as rounds
292-795 call it; each kind's extractor is the earlier rounds'. Run through capture_wide817.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide817 import cap

# the names in the generated code table (round 273's beers): the bits and spurs a lorimer keeps on the rack
WARES = ["Pelham bit", "Kimblewick", "Weymouth curb", "Eggbutt snaffle", "Liverpool driving bit", "Rowel spur",
         "Prince of Wales spur", "Dee-ring snaffle", "Hanging cheek", "Bradoon", "Fulmer snaffle", "Stirrup iron"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "stirruploft"),
    ("casebook", "bucklebook"),
    ("ledger host", "lorimer's loft"),
    ("litres left, days", "rowels left, days"),
    ("nothing left to pour", "no rowel left to file"),
    ("pour order", "forging order"),
    ("pour grade", "bit grade"),
    ("Keg", "Spur"),
    ("keg", "spur"),
    ("Beer", "Rowel"),
    ("beer", "rowel"),
    ("Cellar", "Buckle"),
    ("cellar", "buckle"),
    ("Pints", "Chapes"),
    ("pints", "chapes"),
)

STEPS = make_steps(cap, "stirruploft", "bucklebook", 81710, WARES, RENAMES)
