"""Round 428, Go and shell: a ship chandlery's block-and-lanyard stock tally in Go (`bosuntally`, a stdlib-only module
with bugs put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe,
go vet over a file of vet findings, go build errors) and shellcheck over the cleatport app's deploy scripts with faults
put in. The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names,
seed (42810) and words, as rounds 292-409 call it; each kind's extractor is the earlier rounds' (go test / go build
from capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's
own (round 9b). Run through capture_wide428.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide428 import cap

# the names in the generated code table (round 273's beers): a chandlery's blocks, cleats and ropes
GRAINS = [
    "Single Sheave Block",
    "Fiddle Block",
    "Snatch Block",
    "Horn Cleat",
    "Cam Cleat",
    "Clam Cleat",
    "Bow Shackle",
    "Dee Shackle",
    "Galvanised Thimble",
    "Spliced Lanyard",
    "Tarred Marline",
    "Cylinder Fender",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "bosuntally"),
    ("casebook", "cleatport"),
    ("ledger host", "chandlery host"),
    ("litres left, days", "fathoms left, days"),
    ("nothing left to pour", "nothing left to splice"),
    ("pour order", "rigging order"),
    ("pour grade", "rope grade"),
    ("Keg", "Block"),
    ("keg", "block"),
    ("Beer", "Lanyard"),
    ("beer", "lanyard"),
    ("Cellar", "Locker"),
    ("cellar", "locker"),
    ("Pints", "Fathoms"),
    ("pints", "fathoms"),
)

STEPS = make_steps(cap, "bosuntally", "cleatport", 42810, GRAINS, RENAMES)
