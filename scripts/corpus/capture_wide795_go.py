"""Round 795, Go and shell: a gunsmith's tally of guns in Go (`frizzenloft`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `flintbook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (79510) and words, as rounds
292-777 call it; each kind's extractor is the earlier rounds'. Run through capture_wide795.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide795 import cap

# the names in the generated code table (round 273's beers): the gun patterns a gunsmith keeps on the rack
WARES = ["Brown Bess", "Charleville 1763", "Baker rifle", "Kentucky long rifle", "Manton fowler", "Purdey pistol",
         "Wogdon duelling pistol", "Jaeger rifle", "Pennsylvania rifle", "Queen Anne pistol", "Blunderbuss",
         "Ferguson rifle"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "frizzenloft"),
    ("casebook", "flintbook"),
    ("ledger host", "gunsmith's loft"),
    ("litres left, days", "flints left, days"),
    ("nothing left to pour", "no flint left to knap"),
    ("pour order", "proofing order"),
    ("pour grade", "barrel grade"),
    ("Keg", "Gun"),
    ("keg", "gun"),
    ("Beer", "Flint"),
    ("beer", "flint"),
    ("Cellar", "Stock"),
    ("cellar", "stock"),
    ("Pints", "Charges"),
    ("pints", "charges"),
)

STEPS = make_steps(cap, "frizzenloft", "flintbook", 79510, WARES, RENAMES)
