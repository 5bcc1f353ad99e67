"""Round 641, Go and shell: a whitesmith's order tally in Go (`soldertin`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `tinloft` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (64110) and words, as rounds
292-639 call it; each kind's extractor is the earlier rounds'. Run through capture_wide641.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide641 import cap

# the names in the generated code table (round 273's beers): what a whitesmith cuts, folds and solders
WARES = ["Tinplate", "Snips", "Solder", "Seam", "Rivet", "Lantern", "Kettle", "Funnel", "Sconce", "Canister", "Ladle",
         "Colander"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "soldertin"),
    ("casebook", "tinloft"),
    ("ledger host", "tin shop office"),
    ("litres left, days", "sheets left, days"),
    ("nothing left to pour", "no plate left to cut"),
    ("pour order", "cutting order"),
    ("pour grade", "plate grade"),
    ("Keg", "Bench"),
    ("keg", "bench"),
    ("Beer", "Ware"),
    ("beer", "ware"),
    ("Cellar", "Loft"),
    ("cellar", "loft"),
    ("Pints", "Seams"),
    ("pints", "seams"),
)

STEPS = make_steps(cap, "soldertin", "tinloft", 64110, WARES, RENAMES)
