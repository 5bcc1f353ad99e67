"""Round 719, Go and shell: a card maker's tally of wire teeth in Go (`cardbox`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `leatherbook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (71910) and words, as rounds
292-703 call it; each kind's extractor is the earlier rounds'. Run through capture_wide719.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide719 import cap

# the names in the generated code table (round 273's beers): the cards and teeth a card maker sets
WARES = ["Tooth", "Leather", "Sliver", "Comb", "Stock", "Wire", "Fillet", "Doffer", "Swift", "Worker", "Stripper", "Fancy"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "cardbox"),
    ("casebook", "leatherbook"),
    ("ledger host", "card maker's counting house"),
    ("litres left, days", "teeth left, days"),
    ("nothing left to pour", "no wire left to set"),
    ("pour order", "setting order"),
    ("pour grade", "tooth grade"),
    ("Keg", "Coil"),
    ("keg", "coil"),
    ("Beer", "Card"),
    ("beer", "card"),
    ("Cellar", "Bench"),
    ("cellar", "bench"),
    ("Pints", "Teeth"),
    ("pints", "teeth"),
)

STEPS = make_steps(cap, "cardbox", "leatherbook", 71910, WARES, RENAMES)
