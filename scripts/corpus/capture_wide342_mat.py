"""Round 342, the material both agents work in (no item is captured here): pyhumps's and strsimpy's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the eaves project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with thatching names and another seed), a C project (`ridges`) and
a Rust crate (`liggers`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds), a CSV
and a sqlite table of this machine's documentation files and two application logs. Run through capture_wide342.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide342 import JS, SRC, VENV

HU, SS = "pyhumps-3.8.0", "strsimpy-0.2.1"

# pyhumps: pascalize lower-cases the rest of the word; dekebabize drops the dash instead of making it an underscore;
# kebabize joins with `_`; the acronym fix lower-cases instead of title-casing.
HU_BUGS = [("humps/main.py", "return s[0].upper() + s[1:] if len(s) != 0 else s",
            "return s[0].upper() + s[1:].lower() if len(s) != 0 else s"),
           ("humps/main.py", 'return s.replace("-", "_")', 'return s.replace("-", "")'),
           ("humps/main.py", 'return UNDERSCORE_RE.sub(lambda m: "-" + m.group(0)[-1], s)',
            'return UNDERSCORE_RE.sub(lambda m: "_" + m.group(0)[-1], s)'),
           ("humps/main.py", "return ACRONYM_RE.sub(lambda m: m.group(0).title(), string)",
            "return ACRONYM_RE.sub(lambda m: m.group(0).lower(), string)")]
# strsimpy: Levenshtein charges a substitution of equal characters; Jaro's match window is a third of the longer
# string; Sorensen-Dice's doubling dropped; Jaccard calls a string of exactly k characters too short.
SS_BUGS = [("strsimpy/levenshtein.py", "v0[j] + cost)", "v0[j] + 1)"),
           ("strsimpy/jaro_winkler.py", "ran = int(max(len(max_str) / 2 - 1, 0))",
            "ran = int(max(len(max_str) / 3 - 1, 0))"),
           ("strsimpy/sorensen_dice.py", "return 2.0 * inter /", "return 1.0 * inter /"),
           ("strsimpy/jaccard.py", "if len(s0) < self.get_k() or len(s1) < self.get_k():",
            "if len(s0) < self.get_k() or len(s1) <= self.get_k():")]

YEALM = r'''
import humps


class YealmKeyError(RuntimeError):
    pass


BUNDLES = {"yealmWidth": 18, "spar-count": 40, "ridgeRoll": 2, "eaves-depth": 300}


def yealm_lookup(data, wanted):
    table = humps.decamelize(humps.dekebabize(data))
    found = []
    for key in wanted:
        try:
            found.append(table[key])
        except KeyError as exc:
            raise YealmKeyError(
                f"yealm key {key!r} missing ({len(found)} of {len(wanted)} found)") from exc
    return found


print(yealm_lookup(BUNDLES, ["yealm_width", "ridge_roll", "spar_count", "eaves_depth"]))
'''

LEGGETT = r'''
from strsimpy.sorensen_dice import SorensenDice


class LeggettMatchError(RuntimeError):
    pass


def leggett_match(pairs, k=3):
    dice = SorensenDice(k)
    scores = []
    for a, b in pairs:
        try:
            scores.append(round(dice.similarity(a, b), 3))
        except ZeroDivisionError as exc:
            raise LeggettMatchError(
                f"reed bundles {a!r} and {b!r} cannot be matched ({len(scores)} of {len(pairs)} matched)") from exc
    return scores


print(leggett_match([("water reed", "water reeds"), ("long straw", "longstraw"), ("ry", "ye")]))
'''


# strsimpy's own tests print more than they assert (the first whole run: 18 passed with every bug in), so the sdist gets
# a generated test module whose expectations come from the unbroken strsimpy installed in the round's venv: thatching
# words and seeded misspellings of them (seed 34217), one case per (metric, pair)
THATCH_TERMS = ["water reed", "long straw", "combed wheat", "sedge ridge", "hazel spar", "ligger", "yealm",
                "leggett", "eaves course", "flashing", "wadding", "dolly", "crook", "sway", "gable end", "apex roll",
                "block cut ridge", "butt end", "thatch coat", "reed bundle", "ry", "ye", "rd"]
EXPECT_GEN = r'''
import json, random, sys
from strsimpy.levenshtein import Levenshtein
from strsimpy.normalized_levenshtein import NormalizedLevenshtein
from strsimpy.jaro_winkler import JaroWinkler
from strsimpy.sorensen_dice import SorensenDice
from strsimpy.jaccard import Jaccard
from strsimpy.damerau import Damerau

terms = json.loads(sys.argv[1])
rnd = random.Random(34217)


def misspell(w):
    w = list(w)
    for _ in range(rnd.randint(1, 3)):
        op, i = rnd.choice("idsx"), rnd.randrange(len(w))
        if op == "i":
            w.insert(i, rnd.choice("aeiorst"))
        elif op == "d" and len(w) > 2:
            del w[i]
        elif op == "s":
            w[i] = rnd.choice("aeiorst")
        elif i + 1 < len(w):
            w[i], w[i + 1] = w[i + 1], w[i]
    return "".join(w)


pairs = [(t, misspell(t)) for t in terms if len(t) > 3] + [("reed", "reed"), ("spar", "spars"), ("ridge", "ridg")]
metrics = {"levenshtein_distance": Levenshtein().distance,
           "normalized_levenshtein_distance": NormalizedLevenshtein().distance,
           "jaro_winkler_similarity": JaroWinkler().similarity,
           "sorensen_dice_similarity": SorensenDice(2).similarity,
           "jaccard_similarity": Jaccard(3).similarity,
           "damerau_distance": Damerau().distance}
out = ["import pytest", "",
       "from strsimpy.levenshtein import Levenshtein",
       "from strsimpy.normalized_levenshtein import NormalizedLevenshtein",
       "from strsimpy.jaro_winkler import JaroWinkler",
       "from strsimpy.sorensen_dice import SorensenDice",
       "from strsimpy.jaccard import Jaccard",
       "from strsimpy.damerau import Damerau", "",
       "METRICS = {",
       "    'levenshtein_distance': Levenshtein().distance,",
       "    'normalized_levenshtein_distance': NormalizedLevenshtein().distance,",
       "    'jaro_winkler_similarity': JaroWinkler().similarity,",
       "    'sorensen_dice_similarity': SorensenDice(2).similarity,",
       "    'jaccard_similarity': Jaccard(3).similarity,",
       "    'damerau_distance': Damerau().distance,", "}", ""]
for name, fn in metrics.items():
    cases = [(a, b, round(fn(a, b), 6)) for a, b in pairs]
    out += [f"@pytest.mark.parametrize('a, b, expected', {cases!r})",
            f"def test_{name}(a, b, expected):",
            f"    assert round(METRICS[{name!r}](a, b), 6) == expected", "", ""]
print("\n".join(out))
'''


def python(tmp: Path) -> None:
    (tmp / "expect_gen.py").write_text(EXPECT_GEN)
    (tmp / SS / "strsimpy" / "thatch_expect_test.py").write_text(
        run(f"cd / && {VENV}/bin/python {tmp}/expect_gen.py '{json.dumps(THATCH_TERMS)}'", timeout=120))
    put_bugs(tmp / HU, HU_BUGS)
    put_bugs(tmp / SS, SS_BUGS)
    (tmp / HU / "yealm_keys.py").write_text(YEALM)
    (tmp / SS / "leggett_match.py").write_text(LEGGETT)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict strsimpy leggett_match.py >/dev/null 2>&1; true", cwd=tmp / SS, timeout=900)
    history(tmp, SRC, "pyhumps", HU, ["humps/main.py", "tests/test_humps.py"],
            [("Jethro Bundy", "jethro@example.org"), ("Keziah Strawson", "keziah@example.org"),
             ("Amos Ridgewell", "amos@example.org")], 34210, 30, HU_BUGS)
    history(tmp, SRC, "strsimpy", SS, ["strsimpy/sift4.py", "strsimpy/jaro_winkler.py", "strsimpy/levenshtein.py"],
            [("Tobias Yealmer", "tobias@example.org"), ("Mercy Hazelford", "mercy@example.org"),
             ("Silas Eavesham", "silas@example.org")], 34211, 25, SS_BUGS)


# round 290's hawsehole module in thatching words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a thatching word here
THATCH_WORDS = ["eaves", "thatch sums for the eaves (yealm lengths, spar rates, coat charts)",
                "yealmLength", "sparToMs", "pitchBand", "ridgeLabel", "gableArea", "coatChart", "ridgePlan",
                "No ridge planned", "unknown reed type", "wheat", "rye", "sedge", "heather",
                "`course ${w + 1}", "seed = 34213",
                "'spar', 'LIGGER', 'yealm', 'Leggett', 'eave', 'ridge', 'Flashing', 'wadding', 'hazel', 'BUNDLE', 'dolly',\n"
                "  'apex', 'crook', 'Sway', 'coat', 'gable'",
                "'Abel', 'Bertha', 'Clement', 'Dorcas', 'Ezra', 'Florrie', 'Gideon', 'Hepzibah', 'Isaac', "
                "'Jemima', 'Kit', 'Lavinia'"]
assert len(THATCH_WORDS) == len(m299.WAGGLE_NAMES)
THATCH_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, THATCH_WORDS)]


def thatch(text: str) -> str:
    for old, new in THATCH_NAMES:
        text = text.replace(old, new)
    return text


EA_BUGS = [(thatch(rel), thatch(old), thatch(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "eaves"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = thatch(m290.FIXTURES)
    assert "34213" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "eaves", "version": "1.7.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/ridge-plan.js": thatch(m290.APP),
                      "lib/eaves.js": thatch(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in EA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def ridges(text: str) -> str:
    return (text.replace("WEIRKEEPER", "RIDGES").replace("weirkeeper", "ridges").replace("weir", "spars")
            .replace("sluice", "yealm").replace("gate_t", "yealm_t").replace("gates", "yealms")
            .replace("level_cm", "depth_mm").replace("tide", "coat"))


def c_project(tmp: Path) -> None:
    root = tmp / "ridges"
    rnd = random.Random(34212)
    files = {"src/ridges.h": ridges(n191.SKIFF_H), "src/coat.c": ridges(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/spars_{k:02d}.c"] = ridges(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ridges\n\n"
                         "ridges: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ridges.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ridges\n")
    write_tree(root, files)


def ligger(text: str) -> str:
    return (text.replace("plumbline", "liggers").replace("Plumb-line survey", "Thatch liggers")
            .replace("offset_per_m", "pitch_per_m").replace("station_penalty", "ridge_penalty")
            .replace("readings", "courses").replace("reading", "course").replace("station", "ridge"))


def rust(tmp: Path) -> None:
    root = tmp / "liggers"
    rnd = random.Random(34215)
    write_tree(root, {"Cargo.toml": ligger(n191.CARGO).replace("0.3.4", "2.1.6"), "src/lib.rs": ligger(n191.LIB),
                      "src/broken.rs": ligger(n191.BROKEN), "src/courses.rs": ligger(n191.gen_readings(rnd, 220))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "reedbed.log", 34214, 2300, ["reedbed.cutting", "reedbed.stack", "reedbed.api",
                                             "reedbed.drying"], {
        "INFO": lambda r: f"bundle run {r.randint(1, 40)} cut: {r.randint(20, 300)} bundles, {r.randint(1, 9)} loads in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"moisture poll {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"stack {r.randint(1, 40)} moisture {r.randint(18, 40)}%, above its drying limit",
        "ERROR": lambda r: f"cutter {r.randint(1, 12)} jammed after {r.randint(20, 300)} s in bed {r.randint(1, 9)}"},
        8123, "2026-12-01")
    app_log(d / "wadding.log", 34216, 2000, ["wadding.roof", "wadding.ridge", "wadding.api", "wadding.db"], {
        "INFO": lambda r: f"course {r.randint(1, 30)} laid on roof {r.randint(1, 7)}: {r.randint(8, 60)} yealms in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"spar count {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"roof {r.randint(1, 6)} pitch {r.randint(35, 44)} deg below 45 at gable {r.randint(1, 4)}",
        "ERROR": lambda r: f"ligger {r.randint(1, 40)} split at ridge {r.randint(1, 6)} course {r.randint(2, 12)}"},
        6241, "2026-12-02")


STEPS = [python, js_project, c_project, rust, data]
