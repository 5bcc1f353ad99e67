"""Round 711, Go and shell: a furrier's tally of pelts in Go (`furbox`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `coatbook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (71110) and words, as rounds
292-703 call it; each kind's extractor is the earlier rounds'. Run through capture_wide711.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide711 import cap

# the names in the generated code table (round 273's beers): the furs a furrier cuts and lines
WARES = ["Mink", "Sable", "Ermine", "Marten", "Beaver", "Otter", "Fox", "Lynx", "Muff", "Tippet", "Stole", "Lining"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "furbox"),
    ("casebook", "coatbook"),
    ("ledger host", "furrier's counting house"),
    ("litres left, days", "skins left, days"),
    ("nothing left to pour", "no skin left to cut"),
    ("pour order", "cutting order"),
    ("pour grade", "lining grade"),
    ("Keg", "Bale"),
    ("keg", "bale"),
    ("Beer", "Fur"),
    ("beer", "fur"),
    ("Cellar", "Loft"),
    ("cellar", "loft"),
    ("Pints", "Skins"),
    ("pints", "skins"),
)

STEPS = make_steps(cap, "furbox", "coatbook", 71110, WARES, RENAMES)
