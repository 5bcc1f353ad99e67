"""Round 395, Go and shell: a paper mill's ream and reel tally in Go (`reamtally`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over a
file of vet findings, go build errors) and shellcheck over the vatport app's deploy scripts with faults put in. The
material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed (39510)
and words, as rounds 292-378 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide395.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide395 import cap

# the names in the generated code table (round 273's beers): a paper mill's papers, pulps and machines
GRAINS = [
    "Foolscap Laid",
    "Crown Wove",
    "Imperial Rag",
    "Demy Cartridge",
    "Royal Kraft",
    "Elephant Folio",
    "Esparto Bond",
    "Couched Post",
    "Hot Pressed Double",
    "Deckle Edge",
    "Broke Furnish",
    "Calender Stack",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "reamtally"),
    ("casebook", "vatport"),
    ("ledger host", "mill host"),
    ("litres left, days", "tonnes left, days"),
    ("nothing left to pour", "nothing left to couch"),
    ("pour order", "couching order"),
    ("pour grade", "sizing grade"),
    ("Keg", "Reel"),
    ("keg", "reel"),
    ("Beer", "Paper"),
    ("beer", "paper"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Reams"),
    ("pints", "reams"),
)

STEPS = make_steps(cap, "reamtally", "vatport", 39510, GRAINS, RENAMES)
