"""Capture round 807 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a bellfounder (copes, cores, crowns, clappers, bellfounders): mingus
0.6.1 (its PyPI sdist) with bugs put in (project loamcope) under a seeded pytest suite written here, ruff and mypy,
and a chained traceback; a git history of its three bugged modules and the test file; the real npm package
note-parser 2.0.1 copied into a project (hummark) with bugs put in, under a node --test suite generated here from the
unbroken copy, and eslint; a C project (crownmould) and a Rust crate (clapperbolt) from round 291's generators
imported and renamed; a Go module (corework) from round 273's make_steps imported with this round's words; CSV/sqlite
tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same material (its
bash, grep, glob, read, and one webfetch of note-parser's API.md rendered by Python-Markdown). Every kind's extractor
is an earlier round's, imported (NEEDLES.md's "Round 807: no new rules"). Round 800's layout and item list.

Tools: mingus 0.6.1 (PyPI sdist) with six 1.17.0, note-parser 2.0.1 (npm), pytest 9.2.0, ruff 0.17.6, mypy 2.4.1,
markdown 3.11.3 (a venv under /dev/shm), eslint 10.16.0 with @eslint/js 10.0.1, node, gcc, GNU make, cargo/clippy,
go, sqlite3, git, and the pinned OpenCode (.tools/bin/opencode) driven by round 191's run_round.

Usage: /work/main/.venv/bin/python scripts/corpus/capture_wide807.py [--out FILE]   (W807_ONLY=step,step to run some)
Writes: scripts/corpus/data/wide807.json, ids prefixed "wide807-"."""

from __future__ import annotations

import csv
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide712 as w712  # noqa: E402
import capture_wide720 as w720  # noqa: E402
import capture_wide728 as w728  # noqa: E402
import capture_wide736 as w736  # noqa: E402
import capture_wide744 as w744  # noqa: E402
import capture_wide765 as w765  # noqa: E402
import capture_wide785 as w785  # noqa: E402
import capture_wide800 as w800  # noqa: E402

ID_PREFIX = "wide807-"
DEFAULT_OUT = HERE / "data" / "wide807.json"
TMP = Path("/dev/shm/hm-corpus-wide807-run")  # the material (emptied at the start and removed at the end)
HIST = TMP / "hist-src"  # the unbroken copy, packed for capture_material.history
TOOLS = Path("/dev/shm/hm-corpus-wide807")  # what is installed
SRC = TOOLS / "src"  # mingus-0.6.1.tar.gz, its PyPI sdist
VENV = TOOLS / "venv"
JS = TOOLS / "js"  # eslint, @eslint/js, note-parser
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide624 as w624  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP
SEED = 80700
SV = "mingus-0.6.1"
NOTES = "mingus/core/notes.py"
MOD = "mingus/core/intervals.py"
CHORDS = "mingus/core/chords.py"
TESTS = "tests/test_loamcope.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Ezekiel Crown", "ezekiel@example.org"), ("Thomazine Cope", "thomazine@example.org"),
          ("Ezekiel Crown", "ezekiel@example.org"), ("Abel Clapper", "abel@example.org"),
          ("Jethro Loam", "jethro@example.org")]
BUGS = [(NOTES, '"A": 9, "B": 11}', '"A": 9, "B": 10}'),
        (MOD, '["seventh", "7", 11],', '["seventh", "7", 10],'),
        (CHORDS, "return major_triad(note) + [intervals.minor_seventh(note)]",
         "return major_triad(note) + [intervals.major_seventh(note)]")]

# Writes tests/test_loamcope.py, run in a child process against the UNBROKEN package (PYTHONPATH=.).
GEN = r"""import random

from mingus.containers import Note
from mingus.core import chords, intervals, notes

r = random.Random(80700)
WHO = ["ezekiel", "thomazine", "abel", "jethro", "tabitha", "obadiah", "mercy", "silvanus"]
WARES = ["bells", "copes", "cores", "crowns", "clappers", "canons", "trebles", "tenors"]
BUILDERS = ["major_triad", "minor_triad", "major_seventh", "minor_seventh", "dominant_seventh",
            "half_diminished_seventh", "minor_major_seventh"]


def note(r, acc=("", "", "#", "b", "##", "bb")):
    return r.choice("CDEFGAB") + r.choice(acc)


out = ["from mingus.containers import Note", "from mingus.core import chords, intervals, notes", ""]
k = 0
while k < 240:
    pick = r.random()
    if pick < 0.15:
        call = f"notes.note_to_int({note(r)!r})"
    elif pick < 0.4:
        call = f"intervals.determine({note(r, ('', '', '#', 'b'))!r}, {note(r, ('', '', '#', 'b'))!r}" \
               f"{', True' if r.random() < 0.4 else ''})"
    elif pick < 0.6:
        call = f"chords.{r.choice(BUILDERS)}({note(r, ('', '', '#', 'b'))!r})"
    elif pick < 0.7:
        chord = getattr(chords, r.choice(BUILDERS))(note(r, ('', '', '#', 'b')))
        call = f"chords.determine({chord!r}, True)"
    elif pick < 0.85:
        call = f"round(Note({note(r, ('', '', '#', 'b'))!r}, {r.randint(2, 6)}).to_hertz(), 3)"
    elif pick < 0.93:
        call = f"int(Note({note(r, ('', '', '#', 'b'))!r}, {r.randint(1, 7)}))"
    else:
        call = f"repr(Note().from_hertz({round(r.uniform(60, 2000), 2)!r}))"
    try:
        want = eval(call)
    except Exception:
        continue
    k += 1
    out.append(f"def test_{r.choice(WARES)}_{k:03d}_{r.choice(WHO)}():\n"
               f"    assert {call} == {want!r}\n")
open("tests/test_loamcope.py", "w").write("\n\n".join(out) + "\n")
"""


def gen_tests(gp: Path) -> None:
    """tests/test_loamcope.py: seeded bells, each expectation from the UNBROKEN package (a child process)."""
    (gp / "tests").mkdir(exist_ok=True)
    (gp / "gen_tests.py").write_text(GEN)
    run(f"{VENV}/bin/python gen_tests.py && rm gen_tests.py", cwd=gp, env={"PYTHONPATH": str(gp)})
    assert (gp / TESTS).exists(), "test_loamcope.py not written"


def _hum(name: str, octave: int) -> float:
    """Equal temperament at A4 = 440 Hz, the book's figure (written into the script as a literal)."""
    semis = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}[name[0]] + name.count("#") - name.count("b")
    return round(440 * 2 ** ((12 * octave + semis - 57) / 12), 2)


RING = [("treble", "D", 5), ("second", "C#", 5), ("third", "B", 4), ("fourth", "A", 4), ("fifth", "G", 4),
        ("sixth", "F#", 4), ("seventh", "E", 4), ("tenor", "D", 4)]
STANDARD = "{" + ", ".join(f"{bell!r}: ({n!r}, {o}, {_hum(n, o)!r})" for bell, n, o in RING) + "}"
SCRIPT = r"""import random

from mingus.containers import Note


class CopeTallyError(Exception):
    pass


STANDARD = %s
r = random.Random(80700)
BOOKS = []
for who in ["Ezekiel Crown", "Thomazine Cope", "Abel Clapper", "Jethro Loam"]:
    rows = [r.choice([b for b in sorted(STANDARD) if STANDARD[b][0] != "B"]) for _ in range(4)] + ["third"]
    BOOKS.append({"who": who, "rows": [(bell, *STANDARD[bell]) for bell in rows]})


def check(book):
    try:
        for n, (bell, name, octave, hz) in enumerate(book["rows"]):
            got = round(Note(name, octave).to_hertz(), 2)
            if abs(got - hz) > 0.05:
                raise ValueError(f"row {n}: the {bell} ({name}-{octave}) sounds {got!r} Hz as cast, the tuning "
                                 f"book says {hz!r} Hz (note number {int(Note(name, octave))})")
        return len(book["rows"])
    except ValueError as exc:
        raise CopeTallyError(f"cope tally: {book['who']}'s tuning book read off the casting pit "
                             f"({len(BOOKS)} bellfounders' books)") from exc


print(f"bellfounder: {len(BOOKS)} bellfounders' tuning books of a ring of {len(STANDARD)} to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
""" % STANDARD


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "mingus-*.tar.gz", ["mingus==0.6.1"])
    cm.install_venv(VENV, "markdown_py", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "six==1.17.0",
                                          "markdown==3.11.3"])
    cm.install_npm(JS, "note-parser", ["eslint@10.16.0", "@eslint/js@10.0.1", "note-parser@2.0.1"])
    for need in (SRC / f"{SV}.tar.gz", VENV / "bin/mypy", VENV / "bin/markdown_py",
                 JS / "node_modules/note-parser/index.js", JS / "node_modules/.bin/eslint"):
        assert need.exists(), f"material step failed: {need}"
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} loamcope", cwd=tmp)
    gp = tmp / "loamcope"
    assert (gp / MOD).exists(), "mingus not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r loamcope {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-mingus-loamcope-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-mingus-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-mingus-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full mingus/core tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-mingus-intervals", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "cope_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-cope-tally", "python3 cope_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "cope", SV, [NOTES, MOD, CHORDS, TESTS], PEOPLE, SEED, 30, BUGS)
    cap("git-log-p-mingus-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-mingus-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


WHO = ["Ezekiel", "Thomazine", "Abel", "Jethro", "Tabitha", "Obadiah", "Mercy", "Silvanus"]
LOG_MSGS = {
    "INFO": lambda r: f"bell {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 40)} cwt poured into "
                      f"{r.choice(['loam cope', 'brick core', 'crown mould', 'canon mould', 'false bell'])}, "
                      f"pour {r.randint(1, 6)} of {r.randint(6, 8)}",
    "DEBUG": lambda r: f"copes {r.choice(['dried', 'blackened', 'lifted', 'clamped'])} {r.randint(10, 60)} "
                       f"min for {r.choice(['crownmould', 'clapperbolt', 'corework'])}, batch "
                       f"{r.randint(100, 999)}, {r.randint(3, 9)} cores baked",
    "WARNING": lambda r: f"hum {r.randint(1, 40)} cents flat at partial {r.randint(2, 9)} on "
                         f"{r.choice(['Tuning Lathe', 'Casting Pit', 'Core Oven'])}, {r.randint(1, 6)} "
                         f"cuts taken",
    "ERROR": lambda r: f"cope {r.randint(1, 8)} cracked at crown {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['canons', 'clappers', 'cores', 'staples'])} lost (tally "
                       f"{r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/adduser", "/usr/share/doc/catch2", "/usr/share/doc/check", "/usr/share/doc/cpp-12",
        "/usr/share/doc/dirmngr", "/usr/share/doc/groff-base", "/usr/share/doc/libarchive-zip-perl")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS) | set(w736.DIRS) | set(w744.DIRS)
                        | set(w765.DIRS) | set(w785.DIRS) | set(w800.DIRS)), "earlier doc dirs"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in DIRS:
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share/doc")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "castingpit.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 castingpit.db '.mode csv' '.import castingpit.csv parts'", cwd=d)
    assert (d / "castingpit.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-adduser-groff", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-castingpit-kinds", "sqlite3 -header -column castingpit.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "castingpit.log", 80704, 1500, ["foundry.cope", "foundry.core", "foundry.crown", "foundry.clapper"],
            LOG_MSGS, 8000, "2026-12-04")
    cap("app-log-castingpit-tail-600", "tail -n 600 castingpit.log", d, n_app_log)
    chain("chain-log-grep-error-castingpit", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' castingpit.log | head -n 240", n_app_log),
           Part("grep -c ERROR castingpit.log", None, ";")], d)


C_NEW = ("CROWNMOULD_H", "crownmould", "bell_t", "bells", "mould_t", "mould_weight", "mould_find",
         "tin_permille", "bronze_g", "copper", "pourings", "tin_count_", "_cope", '"cope ', "mould")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("clapperbolt", "0.8.7", "Clapper bolt: swing from crown bore, stay load and a ranking of "
          "bells.", "swing_n", "stay_load", "crown_um", "staple_um", "clapper_count", "stay_", "stay ",
          "swing not on", "tower limit", "bells", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "crownmould"
    rnd = random.Random(80702)
    files = {"src/crownmould.h": renamed(base.GATE_H, C_RENAMES),
             "src/mouldframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/tin_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: crownmould\n\n"
                         "crownmould: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/crownmould.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build crownmould\n")
    write_tree(root, files)
    chain("chain-make-k-crownmould-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-crownmould-tin", "gcc -Wall -Wextra -fsyntax-only -Isrc src/mouldframe.c "
        "src/tin_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build crownmould", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "clapperbolt"
    rnd = random.Random(80703)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "clapperbolt-target"), "CARGO_TERM_COLOR": "never",
           "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-clapperbolt", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(clapper_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-clapperbolt-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("corework", "corecount", "foundry host", "pounds left, days", "nothing left to cast",
          "casting order", "bronze grade", "Core", "core", "Bell", "bell", "Pit", "pit", "Pounds", "pounds")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Loam Bench", "Casting Pit", "Core Oven", "Cope Crane", "Tuning Lathe", "Crown Forge",
           "Clapper Shop", "Sweep Board", "Bronze Store", "Tally Board", "Furnace Yard", "Bench Eight"]
GO_STEP = g273.make_steps(cap, "corework", "corecount", 80701, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "corework" / "restock.go").unlink(missing_ok=True)


NPD = "src/np"
NP_BUGS = [("index.js", "var SEMITONES = [0, 2, 4, 5, 7, 9, 11]", "var SEMITONES = [0, 2, 4, 6, 7, 9, 11]"),
           ("index.js", "p.chroma = pos < 0 ? 12 + pos : pos % 12", "p.chroma = pos < 0 ? 11 + pos : pos % 12"),
           ("index.js", "n < 0 ? fillStr('b', -n) : fillStr('#', n)", "n < 0 ? fillStr('b', n) : fillStr('#', n)")]

# Writes spec/np.test.mjs: the bellfounder's seeded notes, each expectation from the UNBROKEN copy.
NP_GEN = r"""
import fs from 'node:fs';
import * as np from './src/np/index.js';
let seed = 80706;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Ezekiel', 'Thomazine', 'Abel', 'Jethro', 'Tabitha', 'Obadiah', 'Mercy', 'Silvanus'];
const JOBS = ['strike note', 'hum', 'tierce', 'quint', 'nominal', 'crown cast', 'cope lift', 'core bake'];
const ACC = ['', '', '#', 'b', '##', 'bb', 'x', 'bbb'];
const J = JSON.stringify;
const note = (oct) => pick('cdefgabCDEFGAB'.split('')) + pick(ACC) + (oct ? String(pick([-1, 0, 1, 2, 3, 4, 5, 6, 7])) : '');
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import * as np from '../src/np/index.js';", ''];
for (let n = 1; n <= 200; n++) {
  const r = rnd();
  let call;
  if (r < 0.3) { call = `np.parse(${J(note(rnd() < 0.8))})`; }
  else if (r < 0.45) { call = `np.midi(${J(note(true))})`; }
  else if (r < 0.6) { call = `np.freq(${J(note(true))}${rnd() < 0.4 ? ', ' + pick([432, 435, 442, 444]) : ''})`; }
  else if (r < 0.75) { call = `np.chroma(${J(note(false))})`; }
  else if (r < 0.85) { call = `np.pc(${J(note(rnd() < 0.5))})`; }
  else { call = `np.build(${Math.floor(rnd() * 7)}, ${pick([-3, -2, -1, 0, 1, 2])}, ${pick([1, 2, 3, 4, 5])})`; }
  const want = new Function('np', `return ${call};`)(np);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}`)}, () => {\n  assert.deepEqual(${call}, ${want === undefined ? 'undefined' : J(want)});\n});`);
}
fs.writeFileSync('spec/np.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "hummark"
    for d in (NPD, "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hummark", "version": "0.8.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": NP_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    pkg = JS / "node_modules/note-parser"
    run(f"cp {pkg}/index.js {NPD}/", cwd=root)  # ESM; the project's package.json says "type": "module"
    assert (root / NPD / "index.js").exists(), "note-parser not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/np.test.mjs").exists(), "np.test.mjs not written"
    put_bugs(root / NPD, NP_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-np-hummark-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-np-hummark-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-hummark", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-np-hummark", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    go_env = "GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local"
    S: list = [
        B("oc-bash-pytest-rA-tail-mingus", n_pytest,
          f"cd loamcope && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-mingus", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full loamcope/{MOD} "
          f"loamcope/{NOTES} loamcope/cope_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-mingus", n_blame, f"cd loamcope-git && git blame -w {NOTES}"),
        B("oc-bash-git-show-mingus-part", n_show, "cd loamcope-git && git show HEAD~3"),
        B("oc-bash-git-log-p-mingus-reverse", n_log_p,
          "cd loamcope-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-crownmould", n_make, "make -C crownmould -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-clapperbolt", n_cargo_test, "cd clapperbolt && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-clapperbolt", n_clippy, "cd clapperbolt && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-corework", n_go_test,
          f"cd corework && {go_env} go test -v ./... 2>&1 | tail -n 350"),
        # the sandbox's own processes (lines holding binary_backend) are filtered out by the command itself
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux,
          "ps auxww --sort=-pcpu | grep -v binary_backend | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-castingpit-largest", n_sqlite_col,
          "sqlite3 -header -column castingpit.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-castingpit", n_csv,
          "(head -n 1 castingpit.csv; tail -n +2 castingpit.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-cope-castingpit", n_app_log,
          "grep -E 'pour [1-6] of|cope [0-9] cracked' castingpit.log | head -n 400"),
        B("oc-bash-eslint-hummark", n_eslint, "cd hummark && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-mingus", "chain-lint", "lint",
               [Part("cd loamcope", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} cope_tally.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check mingus's intervals"))
    S.append(C("oc-bash-chain-git-status-diff-mingus", "chain-git-status-diff", "git",
               [Part("cd loamcope-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-hummark", "chain-test-exit", "test",
               [Part("cd hummark", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test hummark"))
    S.append(C("oc-bash-chain-go-test-tail-exit-corework", "chain-test-exit", "test",
               [Part("cd corework", None), Part(f"{go_env} go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test corework"))
    O = [
        Spec("oc-grep-mingus-fifth-steps", "oc-grep", "search", "grep",
             {"pattern": r"_note_dict|fifth_steps|minor_seventh\(", "path": "loamcope/mingus/core",
              "include": "*.py"}),
        Spec("oc-glob-crownmould-c", "oc-glob", "listing", "glob",
             {"pattern": "**/*.[ch]", "path": "crownmould"}),
        Spec("oc-read-py-loamcope-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/loamcope/{TESTS}"}, "python"),
        Spec("oc-webfetch-md-note-parser-api", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/doc/note-parser.html", "format": "markdown"}, source="doc/note-parser.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28807), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38807)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    # note-parser's own API.md rendered to HTML by Python-Markdown, served for the webfetch item
    run(f"(echo '<!DOCTYPE html><html><head><title>note-parser API</title></head><body>'; "
        f"{VENV}/bin/markdown_py -x extra {JS}/node_modules/note-parser/API.md; echo '</body></html>') "
        f"> {docs}/note-parser.html", cwd=tmp)
    try:
        run_round(tmp, f"cp -r {tmp}/loamcope loamcope && cp -r {tmp}/cope-git loamcope-git && "
                  f"cp -r {tmp}/crownmould crownmould && cp -r {tmp}/clapperbolt clapperbolt && "
                  f"cp -r {tmp}/corework corework && cp -a {tmp}/hummark hummark && "
                  f"cp {tmp}/data/castingpit.db {tmp}/data/castingpit.csv {tmp}/data/castingpit.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf crownmould/build "
                  "loamcope/.mypy_cache loamcope/.ruff_cache loamcope/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W807_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide807", sys.modules["__main__"])
    main()
