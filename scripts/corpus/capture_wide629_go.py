"""Round 629, Go and shell: a gunflint knappery's tally in Go (`flinttally`, a stdlib-only module with bugs put in and
a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `flintpit` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (62910) and words, as rounds
292-623 call it; each kind's extractor is the earlier rounds'. Run through capture_wide629.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide629 import cap

# the names in the generated code table (round 273's beers): what a knappery digs, strikes and packs
FLINTS = ["Nodule", "Flake", "Spall", "Cortex", "Blade", "Heel", "Musket", "Pistol", "Carbine", "Chalk", "Gallery",
          "Cask"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "flinttally"),
    ("casebook", "flintpit"),
    ("ledger host", "knappery office"),
    ("litres left, days", "flints left, days"),
    ("nothing left to pour", "no nodules left to knap"),
    ("pour order", "knapping order"),
    ("pour grade", "flint grade"),
    ("Keg", "Floor"),
    ("keg", "floor"),
    ("Beer", "Flint"),
    ("beer", "flint"),
    ("Cellar", "Gallery"),
    ("cellar", "gallery"),
    ("Pints", "Flakes"),
    ("pints", "flakes"),
)

STEPS = make_steps(cap, "flinttally", "flintpit", 62910, FLINTS, RENAMES)
