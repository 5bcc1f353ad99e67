"""Round 727, Go and shell: an isinglass maker's tally of swim bladders in Go (`shredbox`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go build
errors) and shellcheck over the `sheetbook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (72710) and words, as rounds
292-719 call it; each kind's extractor is the earlier rounds'. Run through capture_wide727.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide727 import cap

# the names in the generated code table (round 273's beers): the bladders and sheets an isinglass maker dries
WARES = ["Bladder", "Sheet", "Shred", "Fining", "Leaf", "Staple", "Ribbon", "Pipe", "Purse", "Lump", "Book", "Tongue"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "shredbox"),
    ("casebook", "sheetbook"),
    ("ledger host", "isinglass maker's drying loft"),
    ("litres left, days", "sheets left, days"),
    ("nothing left to pour", "no bladder left to shred"),
    ("pour order", "drying order"),
    ("pour grade", "fining grade"),
    ("Keg", "Rack"),
    ("keg", "rack"),
    ("Beer", "Bladder"),
    ("beer", "bladder"),
    ("Cellar", "Loft"),
    ("cellar", "loft"),
    ("Pints", "Sheets"),
    ("pints", "sheets"),
)

STEPS = make_steps(cap, "shredbox", "sheetbook", 72710, WARES, RENAMES)
