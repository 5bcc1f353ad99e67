"""Round 435, Go and shell: a salt works' lump-and-pan tally in Go (`lumptally`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a
file of vet findings, go build errors) and shellcheck over the brineboard app's deploy scripts with faults put in.
The material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed
(43510) and words, as rounds 292-428 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide435.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide435 import cap

# the names in the generated code table (round 273's beers): a salt works' salts and lumps
GRAINS = [
    "Common Lump",
    "Fishery Salt",
    "Butter Salt",
    "Stoved Lump",
    "Fine Table",
    "Coarse Bay",
    "Pan Scale",
    "Flake Crust",
    "Dairy Salt",
    "Cheshire Rock",
    "Wich Brine",
    "Maldon Flake",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "lumptally"),
    ("casebook", "brineboard"),
    ("ledger host", "wich house host"),
    ("litres left, days", "bushels left, days"),
    ("nothing left to pour", "nothing left to rake"),
    ("pour order", "boiling order"),
    ("pour grade", "salt grade"),
    ("Keg", "Lump"),
    ("keg", "lump"),
    ("Beer", "Salt"),
    ("beer", "salt"),
    ("Cellar", "Stove"),
    ("cellar", "stove"),
    ("Pints", "Bushels"),
    ("pints", "bushels"),
)

STEPS = make_steps(cap, "lumptally", "brineboard", 43510, GRAINS, RENAMES)
