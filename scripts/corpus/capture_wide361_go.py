"""Round 361, Go and shell: a salt-glaze potter's saggar and glaze tally in Go (`saggartally`, a stdlib-only module with
bugs put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet
over a file of vet findings, go build errors) and shellcheck over the saltport app's deploy scripts with faults put in.
The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed
(36110) and words, as rounds 292-355 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide361.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide361 import cap

# the names in the generated code table (round 273's beers): a salt-glaze pottery's glazes, slips and kiln furniture
GRAINS = [
    "Orange Peel Salt",
    "Cobalt Slip",
    "Ash Glaze",
    "Tenmoku Liner",
    "Soda Flash",
    "Ochre Engobe",
    "Shino Liner",
    "Iron Speckle",
    "Rutile Blue",
    "Wadding Mix",
    "Kiln Wash",
    "Cone Pack",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "saggartally"),
    ("casebook", "saltport"),
    ("ledger host", "kiln host"),
    ("litres left, days", "kilos left, days"),
    ("nothing left to pour", "nothing left to fire"),
    ("pour order", "firing order"),
    ("pour grade", "glaze grade"),
    ("Keg", "Saggar"),
    ("keg", "saggar"),
    ("Beer", "Glaze"),
    ("beer", "glaze"),
    ("Cellar", "Kiln"),
    ("cellar", "kiln"),
    ("Pints", "Pots"),
    ("pints", "pots"),
)

STEPS = make_steps(cap, "saggartally", "saltport", 36110, GRAINS, RENAMES)
