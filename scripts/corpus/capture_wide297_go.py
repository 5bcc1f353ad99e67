"""Round 297, Go and shell: a rope walk's strand tally in Go (`cordage`, a stdlib-only module with bugs put in and a
seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a file of
vet findings, go build errors) and shellcheck over the oastbarn app's deploy scripts with faults put in. The material
is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed and words, as
round 292 calls it; each kind's extractor is the earlier rounds' (go test / go build from capture_wide15_langs, go vet
from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own (round 9b). Run through
capture_wide297.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide297 import cap

# the names in the generated code table (round 273's beers): rope and cordage names
CORDS = [
    "Manila Hawser",
    "Bolt Rope",
    "Sisal Line",
    "Tarred Marline",
    "Hemp Cable",
    "Cotton Sash",
    "Coir Warp",
    "Spun Yarn",
    "Cable Laid",
    "Hawser Laid",
    "Shroud",
    "Lanyard",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "cordage"),
    ("casebook", "oastbarn"),
    ("ledger host", "drying host"),
    ("litres left, days", "fathoms left, days"),
    ("nothing left to pour", "nothing left to lay"),
    ("pour order", "laying order"),
    ("pour grade", "lay grade"),
    ("Keg", "Coil"),
    ("keg", "coil"),
    ("Beer", "Cord"),
    ("beer", "cord"),
    ("Cellar", "Walk"),
    ("cellar", "walk"),
    ("Pints", "Strands"),
    ("pints", "strands"),
)

STEPS = make_steps(cap, "cordage", "oastbarn", 29750, CORDS, RENAMES)
