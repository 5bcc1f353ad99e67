"""Round 745, the material both agents work in (no item is captured here): kanaconv's and japanese-numbers-python's
sdists with bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before
the bugs go in, as rounds 729 and 737 did) and a script each that runs their code wrongly, git histories built by
committing their sources in steps (capture_material.history), a C project (`typefoundry`) and a Rust crate
(`matrixbox`) from round 191's generators, Go modules (`punchcase`, `mouldshop`) from round 273's, a JavaScript project
(`sortcaster`) from round 290's module renamed through round 299's table's words, a CSV and a sqlite table of some
/usr/share files and two application logs. The generators are imported and called with round 737's steps' pattern,
this round's words (a typefounder's) and seeds (74510-74519)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide745 import JS, SRC, VENV

KC, JN = "kanaconv-1.0.1", "japanese-numbers-python-0.2.1"

# kanaconv: ツ written tu instead of tsu; シ written si instead of shi.
KC_BUGS = [("kanaconv/charsets.py", "('tsu', 't', 'ts', 'u', u'ū')", "('tu', 't', 'ts', 'u', u'ū')"),
           ("kanaconv/charsets.py", "('shi', 's', 'sh', 'i', u'ī')", "('si', 's', 'sh', 'i', u'ī')")]
# japanese-numbers-python: 千 read as a hundred; a bare unit (十, 百, 千 with no digit before it) counted from nought.
JN_BUGS = [("japanese_numbers/token.py", "'千': 1000", "'千': 100"),
           ("japanese_numbers/parser/to_arabic_parser.py", "if numbers else 1) * num", "if numbers else 0) * num")]

KC_CALLS = r"""
import json, random
from kanaconv import KanaConv
r = random.Random(74519)
CASES = ["punch", "matrix", "mould", "sort", "case", "quoin", "galley", "forme"]
HIRA = [chr(c) for c in range(0x3041, 0x3094)]
KATA = [chr(c) for c in range(0x30A1, 0x30F5)] + ["ー"]


def word():
    pool = r.choice([HIRA, KATA])
    return "".join(r.choice(pool) for _ in range(r.randint(2, 6)))


calls = []
while len(calls) < 170:
    text = " ".join(word() for _ in range(r.randint(1, 3)))
    try:
        want = KanaConv().to_romaji(text)
    except Exception:  # kana the package will not spell: the punch roll never holds such a name
        continue
    calls.append({"id": f"sort-{len(calls):03d}-{r.choice(CASES)}", "text": text, "want": want})
json.dump(calls, open("tests/foundry_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

KC_TEST = r'''"""The typefounder's sort names (expectations from kanaconv 1.0.1 unbroken)."""
import json
import pathlib

import pytest

from kanaconv import KanaConv

CALLS = json.loads((pathlib.Path(__file__).parent / "foundry_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_sort_name(call):
    assert KanaConv().to_romaji(call["text"]) == call["want"]
'''

JN_CALLS = r"""
import json, random
from japanese_numbers import to_arabic_numbers
r = random.Random(74518)
DIG = "〇一二三四五六七八九"
UNITS = ["", "十", "百", "千"]
BIG = ["", "万", "億"]
WORDS = ["活字", "母型", "鋳型", "本", "箱", "組"]


def kanji(n):
    out = ""
    for k, big in enumerate(BIG):
        part = (n // 10000 ** k) % 10000
        if not part:
            continue
        s = ""
        for u, unit in enumerate(UNITS):
            d = (part // 10 ** u) % 10
            if d:
                s = ("" if d == 1 and unit and r.random() < 0.6 else DIG[d]) + unit + s
        out = s + big + out
    return out or "〇"


calls = []
for k in range(150):
    n = r.choice([r.randint(1, 99), r.randint(100, 9999), r.randint(10000, 99999999)])
    style = r.choice(["kanji", "kanji", "digits", "mixed"])
    text = kanji(n) if style == "kanji" else str(n) if style == "digits" else f"{n // 10000}万{kanji(n % 10000)}"
    text = f"{r.choice(WORDS)}{text}{r.choice(WORDS)}"
    calls.append({"id": f"matrix-{k:03d}-{style}", "text": text, "want": list(to_arabic_numbers(text))})
json.dump(calls, open("tests/matrix_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

JN_TEST = r'''"""The typefounders' matrix counts (expectations from japanese-numbers-python 0.2.1 unbroken)."""
import json
import pathlib

import pytest

from japanese_numbers import to_arabic_numbers

CALLS = json.loads((pathlib.Path(__file__).parent / "matrix_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_matrix_count(call):
    assert list(to_arabic_numbers(call["text"])) == call["want"]
'''

PUNCH_ROLL = r"""
from kanaconv import KanaConv


class FoundryError(RuntimeError):
    pass


# the typefounder's punch roll: each punch's kana as the cutter wrote it (punch 3's by its number)
ROLL = [("punch 1", "かつじ"), ("punch 2", "ぼけい"), ("punch 3", 3), ("punch 4", "いがた")]


def name(punch, text):
    try:
        return KanaConv().to_romaji(text)
    except TypeError as exc:
        raise FoundryError(f"typefoundry: cannot spell the {punch} kana {text!r} from the punch roll") from exc


for punch, text in ROLL:
    print(f"{punch:<8} {name(punch, text)}")
"""

MOULD_TALLY = r"""
from japanese_numbers import to_arabic_numbers


class TallyError(RuntimeError):
    pass


# the mould shop's tally: each bench's count as the clerk wrote it (bench 3's as a number)
TALLY = [("bench 1", "鋳型二十四"), ("bench 2", "鋳型百十"), ("bench 3", 36), ("bench 4", "鋳型千二百")]


def count(bench, text):
    try:
        return to_arabic_numbers(text)
    except AttributeError as exc:
        raise TallyError(f"mould tally: cannot read the {bench} count {text!r}") from exc


for bench, text in TALLY:
    print(f"{bench:<8} {count(bench, text)}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((KC, KC_CALLS, KC_TEST, "test_foundry_sorts.py"),
                                     (JN, JN_CALLS, JN_TEST, "test_matrix_counts.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").touch()
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / KC, KC_BUGS)
    put_bugs(tmp / JN, JN_BUGS)
    (tmp / KC / "punch_roll.py").write_text(PUNCH_ROLL)
    (tmp / JN / "mould_tally.py").write_text(MOULD_TALLY)
    history(tmp, SRC, "kanaconv", KC, ["kanaconv/charsets.py", "kanaconv/converter.py"],
            [("Anselm Keck", "anselm@example.org"), ("Bertha Quill", "bertha@example.org"),
             ("Caspar Nonpareil", "caspar@example.org")], 74513, 20, KC_BUGS)
    history(tmp, SRC, "japanese_numbers", JN, ["japanese_numbers/token.py",
                                               "japanese_numbers/parser/to_arabic_parser.py"],
            [("Dorcas Pica", "dorcas@example.org"), ("Elias Brevier", "elias@example.org"),
             ("Fenella Minion", "fenella@example.org")], 74514, 3, JN_BUGS)


# round 290's module in a typefounder's words: the words round 299's table replaces, in its order, each given one
TF_WORDS = ["sortcaster", "metal sums for the sortcaster (body depths, casting times, case charts)",
            "bodyDepth", "castToMs", "punchBand", "matrixLabel", "faceArea", "caseChart", "fountPlan",
            "No founts ordered", "unknown sort type", "pica", "brevier", "minion", "recast",
            "`casting ${w + 1}", "seed = 74517",
            "'punch', 'MATRIX', 'mould', 'Sort', 'quoin', 'galley', 'Forme', 'kern', 'nick', "
            "'FOUNT', 'shank',\n  'case', 'ladle', 'Jet', 'tang', 'tally'",
            "'Anselm', 'Bertha', 'Caspar', 'Dorcas', 'Elias', 'Fenella', 'Godric', 'Hilda', 'Isolde', "
            "'Jasper', 'Kezia', 'Lambert'"]
assert len(TF_WORDS) == len(m299.WAGGLE_NAMES)
TF_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TF_WORDS))
SC_BUGS = [(g273.renamed(rel, TF_NAMES), g273.renamed(old, TF_NAMES), g273.renamed(new, TF_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "sortcaster"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, TF_NAMES)
    assert "74517" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "sortcaster", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, TF_NAMES),
                      "lib/sortcaster.js": g273.renamed(m290.HAWSEHOLE, TF_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", SC_BUGS)


C_RENAMES = (("WEIRKEEPER", "TYPEFOUNDRY"), ("weirkeeper", "typefoundry"), ("sluice", "punchcutter"),
             ("weir", "matrix_"), ("gate_t", "mould_t"), ("gates", "moulds"), ("level_cm", "body_pt"))
RS_RENAMES = (("plumbline", "matrixbox"), ("Plumb-line survey", "Matrix box casting log"),
              ("offset_per_m", "shrink_per_cast"), ("station_penalty", "mould_penalty"), ("readings", "castings"),
              ("reading", "casting"), ("station", "mould"))


def c_project(tmp: Path) -> None:
    root = tmp / "typefoundry"
    rnd = random.Random(74512)
    files = {"src/typefoundry.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/punchcutter.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/matrix_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: typefoundry\n\n"
                         "typefoundry: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/typefoundry.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build typefoundry\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "matrixbox"
    rnd = random.Random(74515)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "1.7.2"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/castings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(mould_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "punchcase"), ("casebook", "proofbook"), ("ledger host", "foundry host"),
              ("litres left, days", "sorts left, castings"), ("nothing left to pour", "nothing left to cast"),
              ("pour order", "cast order"), ("pour grade", "metal grade"), ("Keg", "Punch"), ("keg", "punch"),
              ("Beer", "Sort"), ("beer", "sort"), ("Cellar", "Foundry"), ("cellar", "foundry"),
              ("Pints", "Ems"), ("pints", "ems"))
MS_GO_RENAMES = tuple((o, n.replace("punchcase", "mouldshop")) for o, n in GO_RENAMES)
FOUNTS = ["Pica", "Brevier", "Minion", "Nonpareil", "Pearl", "Diamond", "Bourgeois", "Primer", "Canon", "Ruby",
          "Agate", "Emerald"]
FOUNDERS = ["Anselm", "Bertha", "Caspar", "Dorcas", "Elias", "Fenella", "Godric", "Hilda", "Isolde", "Jasper",
            "Kezia", "Lambert"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("punchcase", GO_RENAMES, 74510, FOUNTS),
                                       ("mouldshop", MS_GO_RENAMES, 74511, FOUNDERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/net/smtp /usr/share/go-1.19/src/compress/flate /usr/share/go-1.19/src/text/template "
         "/usr/share/go-1.19/src/image/png /usr/share/go-1.19/src/encoding/asn1 /usr/share/go-1.19/src/mime/multipart")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > foundry.body && "
        "(echo directory,file,bytes,modified; cat foundry.body) > foundry.csv && rm foundry.body", cwd=d)
    run("sqlite3 foundry.db '.mode csv' '.import foundry.csv foundry'", cwd=d)
    app_log(d / "casting.log", 74516, 2300, ["foundry.casting", "foundry.dressing", "foundry.api", "foundry.tally"], {
        "INFO": lambda r: f"caster {r.randint(1, 6)} cast fount {r.randint(100, 999)}: {r.randint(200, 2400)} sorts of {r.choice(['pica', 'brevier', 'minion'])} roman",
        "DEBUG": lambda r: f"ladle {r.randint(1, 6)} refilled in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"mould {r.randint(1, 4)} of bench {r.randint(1, 8)} ran {r.randint(2, 40)} degrees cool after {r.randint(40, 60)} min of casting",
        "ERROR": lambda r: f"metal pot {r.randint(1, 3)} spilled under fount {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9745, "2026-12-02")
    app_log(d / "punch.log", 74517, 2000, ["shop.cutting", "shop.striking", "shop.api", "shop.db"], {
        "INFO": lambda r: f"punch {r.randint(1, 40)} struck: {r.randint(3, 90)} matrices in {r.choice(['copper', 'brass', 'nickel'])}, {r.randint(6, 72)} pt",
        "DEBUG": lambda r: f"proof sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"matrix {r.randint(1, 3)} struck shallow {r.randint(1, 9)} times over the shift",
        "ERROR": lambda r: f"counterpunch {r.randint(1, 4)} cracked on punch {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7745, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
