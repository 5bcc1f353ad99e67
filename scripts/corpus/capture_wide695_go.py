"""Round 695, Go and shell: a button maker's tally of blanks in Go (`shankbox`, a stdlib-only module with bugs put
in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet, go
build errors) and shellcheck over the `cardbook` app's deploy scripts with faults put in. The material is round 273's
generator (capture_wide273_go.make_steps), imported and given this round's names, seed (69510) and words, as rounds
292-687 call it; each kind's extractor is the earlier rounds'. Run through capture_wide695.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide695 import cap

# the names in the generated code table (round 273's beers): the buttons a button maker cuts and shanks
WARES = ["Horn", "Bone", "Pearl", "Jet", "Brass", "Linen", "Dorset", "Toggle", "Shirt", "Coat", "Trouser", "Glove"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "shankbox"),
    ("casebook", "cardbook"),
    ("ledger host", "button shop office"),
    ("litres left, days", "blanks left, days"),
    ("nothing left to pour", "no blank left to drill"),
    ("pour order", "drilling order"),
    ("pour grade", "pearl grade"),
    ("Keg", "Card"),
    ("keg", "card"),
    ("Beer", "Button"),
    ("beer", "button"),
    ("Cellar", "Shop"),
    ("cellar", "shop"),
    ("Pints", "Blanks"),
    ("pints", "blanks"),
)

STEPS = make_steps(cap, "shankbox", "cardbook", 69510, WARES, RENAMES)
