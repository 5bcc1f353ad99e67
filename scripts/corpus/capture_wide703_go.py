"""Round 703, Go and shell: a starch maker's tally of cakes in Go (`starchbox`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `cakebook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (70310) and words, as rounds
292-695 call it; each kind's extractor is the earlier rounds'. Run through capture_wide703.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide703 import cap

# the names in the generated code table (round 273's beers): the starches a starch maker steeps and dries
WARES = ["Wheat", "Rice", "Potato", "Maize", "Sago", "Arrowroot", "Cassava", "Blueing", "Gloss", "Collar", "Cuff", "Lace"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "starchbox"),
    ("casebook", "cakebook"),
    ("ledger host", "starch works office"),
    ("litres left, days", "cakes left, days"),
    ("nothing left to pour", "no cake left to dry"),
    ("pour order", "steeping order"),
    ("pour grade", "blueing grade"),
    ("Keg", "Vat"),
    ("keg", "vat"),
    ("Beer", "Starch"),
    ("beer", "starch"),
    ("Cellar", "Stove"),
    ("cellar", "stove"),
    ("Pints", "Cakes"),
    ("pints", "cakes"),
)

STEPS = make_steps(cap, "starchbox", "cakebook", 70310, WARES, RENAMES)
