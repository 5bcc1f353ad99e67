#!/usr/bin/env python3
"""Round 622: issue #11's kinds with colour and terminal control forced on (rounds 584, 602 and 610's pattern, round
368's runner), on the real PyPI package pyphonetics 0.5.3 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a Rust crate (round 368's generator), a Go module and shell scripts (round 273's
generator), a JavaScript part (the npm package rgb-hex, vitest / eslint / tsc, capture_wide622_js.py) and tables and a
service log, a mustard mill's names (querns, seed bins, millers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 622.

Usage:   .venv/bin/python scripts/corpus/capture_wide622.py [step ...]
Writes:  scripts/corpus/data/wide622.json, ids prefixed "wide622-".
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up, its colour-forcing runner, its Rust generator)
import capture_wide458_native as r458n  # noqa: E402  (its Makefile and its list of round 368's crate words)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import make_steps  # noqa: E402
from capture_wide279 import gen_c, spread_warns  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide622-tools")
TMP = Path("/dev/shm/hm-corpus-wide622")
OUT = HERE / "data" / "wide622.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 62270
SDIST = "pyphonetics==0.5.3"
PKG = "pyphonetics-0.5.3"

r368.VENV = VENV  # importing rounds 458 and 473 pointed round 368's runner at their venvs; this round's again
cap = r368.cap
clean622 = r368.clean368

SOUNDEX = "pyphonetics/phonetics/soundex.py"
LEV = "pyphonetics/distance_metrics/levenshtein.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (SOUNDEX, "'000000DD111122222222334556'", "'000000DD111122222222334566'"),
    (SOUNDEX, "tail = tail[1:]", "tail = tail[2:]"),
    (LEV, "substitutions = previous_row[j] + (char1 != char2)", "substitutions = previous_row[j] + 2 * (char1 != char2)"),
]

WORDS = ["mustard", "brassica", "quern", "hopper", "husk", "bran", "sifter", "millstone", "runner", "bedstone",
         "tinner", "vinegar", "turmeric", "seedman", "sinapis", "nigra", "alba", "juncea", "pungent", "grist",
         "flour", "cake", "press", "kiln", "drying", "floor", "sack", "barrow", "tally", "miller", "Husk", "Quern",
         "Hopper", "Bran", "Tinner", "Sifter", "Brassica", "Seedman", "Turmeric", "Vinegar", "Norwich", "Carrow",
         "Wensum", "Thorpe", "Trowse", "Lakenham", "Ashcroft", "Pennington", "Bunting", "Grimsby", "Lincoln",
         "Robertson", "Rupert", "Tymczak", "Pfister", "Jackson", "Washington", "Lee", "Gutierrez", "Ashcraft"]
ALGOS = ["Soundex", "RefinedSoundex", "FuzzySoundex", "Metaphone", "Lein", "MatchingRatingApproach"]

# Run with the venv's python on the unbroken package: the mill's words and what pyphonetics makes of them.
FIXTURES_PY = f'''import json, random
import pyphonetics as pp

rnd = random.Random({SEED})
words = list({WORDS!r})
calls = []
for i, w in enumerate(words, 1):
    codes = {{}}
    for a in {ALGOS!r}:
        try:
            codes[a] = getattr(pp, a)().phonetics(w)
        except Exception as e:
            codes[a] = "raises " + type(e).__name__
    calls.append({{"id": f"bin{{rnd.randint(1, 12)}}-{{w}}", "word": w, "codes": codes}})
pairs = []
for k in range(90):
    a, b = rnd.sample(words, 2)
    pairs.append({{"id": f"sack{{k + 1}}-{{a}}-{{b}}", "a": a, "b": b,
                  "soundex": pp.Soundex().distance(a, b), "metaphone": pp.Metaphone().distance(a, b),
                  "sounds_like": pp.Soundex().sounds_like(a, b)}})
with open("tests/seed_calls.json", "w") as f:
    json.dump({{"calls": calls, "pairs": pairs}}, f, indent=1)
'''

TEST_SEED_CALLS = '''"""The mustard mill's seed calls against pyphonetics: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import pyphonetics as pp

DATA = json.loads((pathlib.Path(__file__).parent / "seed_calls.json").read_text())
CALLS = DATA["calls"]
PAIRS = DATA["pairs"]
ALGOS = ["Soundex", "RefinedSoundex", "FuzzySoundex", "Metaphone", "Lein", "MatchingRatingApproach"]
CASES = [(c, a) for c in CALLS for a in ALGOS]


@pytest.mark.parametrize(("call", "algo"), CASES, ids=[f"{c['id']}-{a}" for c, a in CASES])
def test_quern_code(call, algo):
    want = call["codes"][algo]
    if want.startswith("raises "):
        with pytest.raises(Exception):
            getattr(pp, algo)().phonetics(call["word"])
    else:
        assert getattr(pp, algo)().phonetics(call["word"]) == want


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_sack_distance(pair):
    assert pp.Soundex().distance(pair["a"], pair["b"]) == pair["soundex"]
    assert pp.Metaphone().distance(pair["a"], pair["b"]) == pair["metaphone"]


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_bin_sounds_like(pair):
    assert pp.Soundex().sounds_like(pair["a"], pair["b"]) is pair["sounds_like"]


@pytest.mark.parametrize("bad", ["", 7, None, b"husk"])
def test_spoilt_seed_rejected(bad):
    with pytest.raises(Exception):
        pp.Soundex().phonetics(bad)
'''

GRIND_CHECK = '''"""Check the mustard mill's seed bin calls before a batch goes to the querns: each miller's name is called by
Soundex and matched against the bin's tally card, as the millers call them across the floor."""
from pyphonetics import Soundex

BINS = {
    "bin 1 (Tom Husk)": ("Ashcroft", "A226"),
    "bin 4 brown seed": ("Tymczak", "T522"),
    "bin 7 white seed (Sal Brassica)": ("Pfister", "P236"),
    "bin 9 (Jem Quern)": ("Wensum", "W525"),
}
MILLERS = {"quern 1": "Tom Husk", "quern 2": "Sal Brassica", "quern 3": "Jem Quern"}


class MillstoneError(RuntimeError):
    """A bin's call did not match its tally card: the millstone has glazed."""


class HopperChokeError(Exception):
    """The miller stopped the hopper."""


def call_bins():
    out = {}
    sx = Soundex()
    for name, (word, card) in BINS.items():
        code = sx.phonetics(word)
        if code != card:
            raise ValueError(f"call {word!r} codes as {code}, card says {card}")
        out[name] = (word, code)
    return out


def glaze():
    try:
        return call_bins()
    except ValueError as e:
        raise MillstoneError("millstone glazed on the bin calls: " + str(e)) from e


def hopper():
    try:
        calls = glaze()
        return [f"{name}: {w} -> {c} ({MILLERS['quern 3']})" for name, (w, c) in calls.items()]
    except MillstoneError as e:
        raise HopperChokeError("quern 3 hopper choked at sack 5281 (Jem Quern, head miller Kit Hopper)") from e


if __name__ == "__main__":
    print("\\n".join(hopper()))
'''

AUTHORS = ["Tom Husk <tom@mustard.test>", "Sal Brassica <sal@mustard.test>",
           "Jem Quern <jem@mustard.test>", "Kit Hopper <kit@mustard.test>"]
GROUPS = [
    (["pyphonetics/__init__.py", "pyphonetics/utils.py", "pyphonetics/exceptions.py"], "Add the seed-call package"),
    (["pyphonetics/phonetics"], "The phonetic algorithms for the bin calls"),
    (["pyphonetics/distance_metrics"], "Distances between calls"),
    (["README.rst", "LICENSE.rst"], "Readme and licence"),
    (["tests/seed_calls.json"], "The mill's words, as pyphonetics calls them"),
    (["tests/test_seed_calls.py", "tests/test_phonetics.py", "tests/test_distances.py"], "Tests for the seed calls"),
    (["setup.py", "pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 62270; its script file is
    written as cope_drag.py by round 473's code and renamed to grind_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, GRIND_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py grind_check.py")
    r473.git(d, "commit -q -m 'Rename the bin caller to grind_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "quern_notes.txt").write_text("quern 2 runner stone out of true; dress it before the next brown seed\n")
    for k in range(1, 9):  # the week's grind sheets, saved and left untracked
        cm.write_tree(d, {f"sheets/week_{k:02d}_grind_sheet.txt": GRIND_CHECK.split("MILLERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "quern_bench"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO .gitignore", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_seed_calls.py": TEST_SEED_CALLS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "seed_calls.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_seed_calls.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'quern_code and (Soundex or Lein)'", d,
        n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'Soundex or spoilt'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'sack_distance and sack1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'sack_distance or sounds_like'; echo EXIT=$?", d,
        n_pytest, tty=True)
    cap("pytest-own-suite", f"python -m pytest -v --color=yes {ign} tests/test_phonetics.py tests/test_distances.py",
        d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        f"pyphonetics grind_check.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D grind_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests pyphonetics 2>&1 | head -n 300", d,
        n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "grind_check.py pyphonetics", d, n_mypy)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "pyphonetics grind_check.py", d, n_mypy, tty=True)
    cap("traceback", "PYTHONPATH=. python grind_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev grind_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {SOUNDEX} grind_check.py README.md tests/test_seed_calls.py", d,
        n_log_p)
    cap("git-log-p-tty", "git log -p -8 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {SOUNDEX}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) |raise |assert ' pyphonetics tests grind_check.py", d,
        n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C and Rust
C_SEED = 62271
C_N = 36
C_ERRS = {3: "type", 7: "args", 12: "undeclared", 17: "semicolon", 24: "type", 31: "args"}
C_HDR = {9, 27}
C_LINK = {14}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "husksifter")


def step_c(tmp: Path) -> None:
    d = tmp / "husksifter"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)


# Round 368's crate words (the left sides of round 458's renames), into a mustard mill's.
RUST_RENAMES = tuple(zip([old for old, _ in r458n.RUST_RENAMES], (
    "branworks",
    "Bran works: seed, husks and the grind of a brown mustard.",
    "seed_name",
    '"brown"',
    '"white"',
    '"oriental"',
    '"miller"',
    "9 is a brown seed",
    "Sack",
    "quern_rate",
    "husk",
    "grist {",
)))


def renamed(text: str) -> str:
    for old, new in RUST_RENAMES:
        text = text.replace(old, new)
    return text


def step_rust(tmp: Path) -> None:
    d = tmp / "branworks"
    r368.SEED = SEED  # gen_rust draws SEED + 2: 62272
    r368.gen_rust(d)
    for f in (d / "Cargo.toml", d / "src" / "lib.rs"):
        f.write_text(renamed(f.read_text()))
    env = "env CARGO_TARGET_DIR=" + str(tmp / "cargo-target")
    cap("cargo-build", f"{env} cargo build --offline", d, n_cargo_build)
    lib = d / "src" / "lib.rs"
    broken = renamed(r368.BROKEN)
    t = lib.read_text()
    assert broken in t
    lib.write_text(t.replace(broken, "\n"))
    cap("cargo-test", f"{env} cargo test --offline 2>&1 | tail -n 400", d, n_cargo_test)
    cap("cargo-clippy", f"{env} cargo clippy --offline --all-targets --color always -- -W clippy::pedantic", d,
        n_clippy)


# ---------------------------------------------------------------- Go and shell (round 273's generator)
GO_NAMES = ["Brown Seed", "White Seed", "Oriental Seed", "Husk Meal", "Bran Cake", "Fine Flour", "Coarse Grist",
            "Tin Fill", "Jar Fill", "Sack Seed", "Kiln Seed", "Press Cake"]
GO_RENAMES = (
    ("kegtally", "seedgrader"),
    ("casebook", "mustardhall"),
    ("ledger host", "mill host"),
    ("litres left, days", "sacks left, grinding days"),
    ("nothing left to pour", "nothing left to grind"),
    ("pour order", "grind order"),
    ("pour grade", "seed grade"),
    ("Keg", "Sack"),
    ("keg", "sack"),
    ("Beer", "Seed"),
    ("beer", "seed"),
    ("Cellar", "Mill"),
    ("cellar", "mill"),
    ("Pints", "Turns"),
    ("pints", "turns"),
)


def cap_go(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


GO_STEPS = make_steps(cap_go, "seedgrader", "mustardhall", 62273, GO_NAMES, GO_RENAMES)

# ---------------------------------------------------------------- tables and a log
MILLERS = ["Tom Husk", "Sal Brassica", "Jem Quern", "Kit Hopper", "Ada Bran", "Rob Tinner", "Meg Vinegar",
           "Will Seedman", "Peg Turmeric", "Hal Sifter"]
FLOORS = ["quern floor"] * 9 + ["drying kiln"] * 7 + ["sifting loft", "tinning room", "seed store"]

MILL_JOBS = "\n".join(
    [f"(exec -a 'quern-drive --stone {b} --miller {r}' sleep 600) &" for b, r in enumerate(
        ["tom", "sal", "jem", "kit", "ada", "rob", "meg", "will", "peg", "hal"], 1)]
    + [f"(exec -a 'seed-kiln --batch {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 5, 37, 2, 19], 1)]
    + ["(exec -a 'husk-monitor --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'bran-extractor --loft 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The mill's grind book (seed 62275) as CSV, through sqlite3, and the process table; the mill's service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "mustard"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,miller,sacks_ground,floor,mesh,spoilt,shift,outcome"]
    for k in range(460):
        sacks = rnd.randint(20, 140) if k != 233 else 3100
        outcome = "scorched" if k == 77 else "damp" if k == 391 else "passed"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(MILLERS)},{sacks},{rnd.choice(FLOORS)},"
                    f"{rnd.choice([40, 60, 80, 100, 120])},{rnd.randint(0, 9)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "grind_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat grind_book.csv", d, n_csv)
    cm.run("sqlite3 mustard.db \".import --csv grind_book.csv grinds\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header mustard.db 'SELECT miller, floor, sacks_ground, "
        "mesh, outcome FROM grinds ORDER BY date'", d, n_sqlite_csv)
    loggers = ["mill.quern", "mill.kiln", "mill.sifter", "mill.store", "mill.api"]
    msgs = {
        "DEBUG": lambda r: f"sack {r.randint(1, 90000)} ground at {r.randint(90, 140)} rpm",
        "INFO": lambda r: f"request GET /sacks/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"runner stone on quern {r.randint(1, 12)} out of true by {r.randint(1, 3)}.{r.randint(0, 9)} mm, dress it",
        "ERROR": lambda r: f"seed scorched in the kiln on quern {r.randint(1, 12)} at batch {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"millstone {r.randint(1, 4)} cracked on quern {r.randint(1, 12)}: quern stopped by the head miller",
    }
    app_log(d / "quern.log", SEED + 7, 2400, loggers, msgs, 6227, "2026-10-24")
    cap("app-log-tail", "tail -n 900 quern.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' quern.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", MILL_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR quern_bench husksifter branworks/src", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "unidecode==1.4.0"])
    cm.download_sdists(SRC, "pyphonetics*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide622-js", "vitest",
                   ["rgb-hex@3.0.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals@17.15.0",
                    "typescript@5.9.3"])


def steps():
    import capture_wide622_js as js  # rgb-hex: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_rust, step_listing, step_tables, *js.STEPS, *GO_STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide622", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean622
    cm.clean_lines = clean622
    if len(sys.argv) > 1:  # a trial of named steps only
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide622-", OUT, TMP)
