"""Round 649, Go and shell: a pencil maker's grade tally in Go (`pencilgrade`, a stdlib-only module with bugs put in
and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `pencilloft` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (64910) and words, as rounds
292-641 call it; each kind's extractor is the earlier rounds'. Run through capture_wide649.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide649 import cap

# the names in the generated code table (round 273's beers): what a pencil maker cuts, fills and sharpens
WARES = ["Graphite", "Cedar", "Slat", "Lead", "Ferrule", "Eraser", "Sharpener", "Crayon", "Charcoal", "Clay", "Lacquer",
         "Stub"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "pencilgrade"),
    ("casebook", "pencilloft"),
    ("ledger host", "pencil works office"),
    ("litres left, days", "slats left, days"),
    ("nothing left to pour", "no cedar left to saw"),
    ("pour order", "sawing order"),
    ("pour grade", "lead grade"),
    ("Keg", "Lathe"),
    ("keg", "lathe"),
    ("Beer", "Pencil"),
    ("beer", "pencil"),
    ("Cellar", "Loft"),
    ("cellar", "loft"),
    ("Pints", "Gross"),
    ("pints", "gross"),
)

STEPS = make_steps(cap, "pencilgrade", "pencilloft", 64910, WARES, RENAMES)
