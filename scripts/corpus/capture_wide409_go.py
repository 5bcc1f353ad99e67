"""Round 409, Go and shell: a brickworks' hack-row and kiln-chamber tally in Go (`hacktally`, a stdlib-only module with
bugs put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go
vet over a file of vet findings, go build errors) and shellcheck over the moulderport app's deploy scripts with faults
put in. The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names,
seed (40910) and words, as rounds 292-395 call it; each kind's extractor is the earlier rounds' (go test / go build
from capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's
own (round 9b). Run through capture_wide409.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide409 import cap

# the names in the generated code table (round 273's beers): a brickworks' bricks, clays and kilns
GRAINS = [
    "London Stock",
    "Staffordshire Blue",
    "Red Rubber",
    "Fletton Common",
    "Wirecut Facing",
    "Handmade Sandfaced",
    "Engineering Class A",
    "Clinker Paver",
    "Gault White",
    "Firebrick Arch",
    "Pressed Frog",
    "Hoffmann Second",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "hacktally"),
    ("casebook", "moulderport"),
    ("ledger host", "kiln host"),
    ("litres left, days", "thousands left, days"),
    ("nothing left to pour", "nothing left to fire"),
    ("pour order", "setting order"),
    ("pour grade", "firing grade"),
    ("Keg", "Hack"),
    ("keg", "hack"),
    ("Beer", "Brick"),
    ("beer", "brick"),
    ("Cellar", "Kiln"),
    ("cellar", "kiln"),
    ("Pints", "Bricks"),
    ("pints", "bricks"),
)

STEPS = make_steps(cap, "hacktally", "moulderport", 40910, GRAINS, RENAMES)
