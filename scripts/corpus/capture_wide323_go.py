"""Round 323, Go and shell: a glass studio's frit and colour-rod tally in Go (`frittally`, a stdlib-only module with bugs
put in and a seeded generated table of test cases: go test -v with failing subtests, go test through a pipe, go vet over
a file of vet findings, go build errors) and shellcheck over the gloryport app's deploy scripts with faults put in. The
material is round 273's generator (capture_wide273_go.make_steps), imported and given this round's names, seed and
words, as rounds 292, 297, 305 and 313 call it; each kind's extractor is the earlier rounds' (go test / go build from
capture_wide15_langs, go vet from capture_more, shellcheck from capture_wide15_diag); a chain's from each part's own
(round 9b). Run through capture_wide323.py."""

from __future__ import annotations

from capture_wide273_go import make_steps
from capture_wide323 import cap

# the names in the generated code table (round 273's beers): frits, powders and colour rods of a glass studio
GRAINS = [
    "Cobalt Frit",
    "Gold Ruby Rod",
    "Amber Powder",
    "Opal White",
    "Aventurine Green",
    "Lattimo Cane",
    "Celadon Frit",
    "Amethyst Rod",
    "Copper Blue",
    "Selenium Red",
    "Crystal Cullet",
    "Uranium Yellow",
]
# Round 273's words, then this round's: its Go module, its app and the things they count.
RENAMES = (
    ("kegtally", "frittally"),
    ("casebook", "gloryport"),
    ("ledger host", "studio host"),
    ("litres left, days", "kilos left, days"),
    ("nothing left to pour", "nothing left to melt"),
    ("pour order", "melt order"),
    ("pour grade", "frit grade"),
    ("Keg", "Jar"),
    ("keg", "jar"),
    ("Beer", "Colour"),
    ("beer", "colour"),
    ("Cellar", "Studio"),
    ("cellar", "studio"),
    ("Pints", "Grams"),
    ("pints", "grams"),
)

STEPS = make_steps(cap, "frittally", "gloryport", 32310, GRAINS, RENAMES)
