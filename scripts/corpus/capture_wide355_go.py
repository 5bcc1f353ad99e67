"""Round 355, Go and shell: a rope bridge builder's plank and cable tally in Go (`plankcount`, a stdlib-only module with
bugs put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go
vet over a file of vet findings, go build errors) and shellcheck over the plankwalk app's deploy scripts with faults put
in. The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed
and words, as rounds 292-344 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide355.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide355 import cap

# the names in the generated code table (round 273's beers): a rope bridge builder's cables, planks and anchors
GRAINS = [
    "Steel Wire Cable",
    "Manila Handrail",
    "Hemp Footrope",
    "Larch Deck Plank",
    "Oak Cross Plank",
    "Rock Bolt Anchor",
    "Deadman Anchor",
    "Galvanised Hanger",
    "Sisal Lashing",
    "Tower Saddle",
    "Dyneema Guy",
    "Turnbuckle Stay",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "plankcount"),
    ("casebook", "plankwalk"),
    ("ledger host", "survey host"),
    ("litres left, days", "planks left, days"),
    ("nothing left to pour", "nothing left to lay"),
    ("pour order", "laying order"),
    ("pour grade", "plank grade"),
    ("Keg", "Span"),
    ("keg", "span"),
    ("Beer", "Rope"),
    ("beer", "rope"),
    ("Cellar", "Gorge"),
    ("cellar", "gorge"),
    ("Pints", "Planks"),
    ("pints", "planks"),
)

STEPS = make_steps(cap, "plankcount", "plankwalk", 35510, GRAINS, RENAMES)
