"""Round 679, Go and shell: a needlemaker's tally of batches in Go (`needlecase`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `drillpin` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (67910) and words, as rounds
292-671 call it; each kind's extractor is the earlier rounds'. Run through capture_wide679.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide679 import cap

# the names in the generated code table (round 273's beers): what a needlemaker draws, points and scours
WARES = ["Sharps", "Betweens", "Darner", "Bodkin", "Crewel", "Chenille", "Milliner", "Tapestry", "Glover", "Sailmaker",
         "Beading", "Quilting"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "needlecase"),
    ("casebook", "drillpin"),
    ("ledger host", "scour mill office"),
    ("litres left, days", "needles left, days"),
    ("nothing left to pour", "no needle left to pack"),
    ("pour order", "packing order"),
    ("pour grade", "needle grade"),
    ("Keg", "Batch"),
    ("keg", "batch"),
    ("Beer", "Needle"),
    ("beer", "needle"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Needles"),
    ("pints", "needles"),
)

STEPS = make_steps(cap, "needlecase", "drillpin", 67910, WARES, RENAMES)
