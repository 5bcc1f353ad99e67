"""Capture round 728 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a chair caner (cane seats, rush seats, strands, pegs, six-way
weaving): wordtodigits 1.0.2 (its PyPI sdist) with bugs put in (project caneweave) under a seeded pytest suite written
here, ruff and mypy, and a chained traceback; a git history of its module and the test file; the real npm package
num-words 1.2.3 copied into a project (rushseat) with bugs put in, under a node --test suite generated here from the
unbroken copy, and eslint; a C project (strandpeg) and a Rust crate (sixway) from round 291's generators imported and
renamed; a Go module (canebundle) from round 273's make_steps imported with this round's words; CSV/sqlite tables of
/usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same material (its bash, grep,
glob, read). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 728: no new rules"). Round
720's layout: its module imported, its helpers used where they take parameters; material, words, seeds and ports
are this round's."""

from __future__ import annotations

import csv
import importlib.util
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
import capture_wide720 as w720  # noqa: E402

ID_PREFIX = "wide728-"
DEFAULT_OUT = HERE / "data" / "wide728.json"
TMP = Path("/dev/shm/hm-corpus-wide728")
SRC = Path("/dev/shm/hm-corpus-wide728-src")  # wordtodigits-1.0.2.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide728-hist")
VENV = Path("/dev/shm/hm-corpus-wide728-venv")
JS = Path("/dev/shm/hm-corpus-wide728-js")  # eslint, @eslint/js, num-words
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
SEED = 72810
SV = "wordtodigits-1.0.2"
MOD = "wordtodigits/__init__.py"
TESTS = "tests/test_caneweave.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Hester Caner", "hester@example.org"), ("Jabez Rush", "jabez@example.org"),
          ("Hester Caner", "hester@example.org"), ("Keziah Strand", "keziah@example.org"),
          ("Ezra Pegg", "ezra@example.org")]
BUGS = [(MOD, "tens_dict[tens[i]]=(i+2)*10", "tens_dict[tens[i]]=(i+1)*10"),
        (MOD, "temp_number=temp_number*100", "temp_number=temp_number*10"),
        (MOD, '"million":1000000}', '"million":100000}')]
WHO = ["Hester", "Jabez", "Keziah", "Ezra", "Tamsin", "Abel", "Loveday", "Reuben"]
CANES = ["centre cane", "binding cane", "rush", "seagrass", "fine cane", "chair cane"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """English words for 0 <= n < 10**9 ('three hundred and forty two')."""
    def small(k: int) -> list[str]:
        out = []
        if k >= 100:
            out += [ONES[k // 100], "hundred"] + (["and"] if k % 100 else [])
            k %= 100
        if k >= 20:
            out.append(TENS[k // 10])
            k %= 10
            if k:
                out.append(ONES[k])
        elif k:
            out.append(ONES[k])
        return out
    if n == 0:
        return "zero"
    parts: list[str] = []
    for div, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= div:
            parts += small(n // div) + [name]
            n %= div
    if n:
        parts += small(n)
    return " ".join(parts)


def gen_tests(gp: Path) -> None:
    """tests/test_caneweave.py: seeded sentences, each expectation from the UNBROKEN module (loaded here)."""
    spec = importlib.util.spec_from_file_location("wtd_unbroken", gp / MOD)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = random.Random(SEED)
    out = ["from wordtodigits import convert", ""]
    for k in range(1, 241):
        mag = r.choice([99, 999, 9999, 99999, 999999, 9_999_999])
        n = r.randint(1, mag)
        who, cane = r.choice(WHO), r.choice(CANES)
        s = f"{who} wove chair {k} with {words(n)} strands of {cane}."
        want = mod.convert(s)
        out.append(f"def test_seat_{k:03d}_{who.lower()}_{cane.replace(' ', '_')}():\n"
                   f"    assert convert({s!r}) == {want!r}\n")
    (gp / "tests").mkdir(exist_ok=True)
    (gp / TESTS).write_text("\n\n".join(out) + "\n")


SCRIPT = r"""import random

from wordtodigits import convert


class CaneTallyError(Exception):
    pass


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "- - twenty thirty forty fifty sixty seventy eighty ninety".split()
r = random.Random(72810)
SHEETS = []
for who in ["Hester Caner", "Jabez Rush", "Keziah Strand", "Ezra Pegg"]:
    rows = []
    for _ in range(5):
        h, t, o = r.randint(1, 9), r.randint(2, 9), r.randint(1, 9)
        rows.append((f"{ONES[h]} hundred and {TENS[t]} {ONES[o]} strands", h * 100 + t * 10 + o))
    SHEETS.append({"who": who, "rows": rows})


def check(sheet):
    try:
        for n, (spoken, want) in enumerate(sheet["rows"]):
            got = int(convert(spoken).split()[0])
            if got != want:
                raise ValueError(f"row {n}: {spoken!r} read {got}, the seat sheet says {want}")
        return len(sheet["rows"])
    except ValueError as exc:
        raise CaneTallyError(f"seat tally: {sheet['who']}'s sheet read off the book "
                             f"({len(SHEETS)} caners' sheets)") from exc


print(f"chair caner: {len(SHEETS)} caners' seat sheets to check")
for sheet in SHEETS:
    print(sheet["who"], "->", check(sheet))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "wordtodigits-*.tar.gz", ["wordtodigits==1.0.2"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "num-words", ["eslint@10.16.0", "@eslint/js@10.0.1", "num-words@1.2.3"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} caneweave", cwd=tmp)
    gp = tmp / "caneweave"
    assert (gp / MOD).exists(), "wordtodigits not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r caneweave {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-wordtodigits-caneweave-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-wordtodigits-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-wordtodigits-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full wordtodigits tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-wordtodigits-module", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "seat_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-seat-tally", "python3 seat_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "wd", SV, [MOD, TESTS], PEOPLE, SEED, 24, BUGS)
    cap("git-log-p-wordtodigits-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-wordtodigits-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"seat {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 9)} hanks of "
                      f"{r.choice(CANES)} woven, setting {r.randint(1, 6)} of {r.randint(6, 7)}",
    "DEBUG": lambda r: f"soak tub {r.choice(['east', 'west', 'glycerine'])} held {r.randint(10, 60)} min "
                       f"for {r.choice(['strandpeg', 'sixway', 'canebundle'])}, bundle {r.randint(100, 999)}, "
                       f"{r.randint(3, 9)} pegs",
    "WARNING": lambda r: f"strand {r.randint(1, 40)} split at hole {r.randint(2, 60)} on "
                         f"{r.choice(['Caning Bench', 'Rush Loft', 'Soak Room'])}, {r.randint(1, 6)} pegs reset",
    "ERROR": lambda r: f"frame {r.randint(1, 8)} cracked at rail {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['settings', 'strands', 'hanks', 'pegs'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/curl", "/usr/share/doc/diffutils", "/usr/share/doc/findutils", "/usr/share/doc/dpkg",
        "/usr/share/doc/gnupg", "/usr/share/doc/gzip", "/usr/share/doc/cmake")
assert not set(DIRS) & set(w720.DIRS), "round 720's doc directories"


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
    with open(d / "chaircaner.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 chaircaner.db '.mode csv' '.import chaircaner.csv parts'", cwd=d)
    cap("ls-laR-doc-dirs-curl-dpkg", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-chaircaner-kinds", "sqlite3 -header -column chaircaner.db \"SELECT kind, COUNT(*) AS files, "
        "SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files DESC\"",
        d, n_sqlite_col)
    app_log(d / "chaircaner.log", 72814, 1500, ["cane.seat", "cane.rush", "cane.soak", "cane.frame"],
            LOG_MSGS, 7281, "2026-12-04")
    cap("app-log-chaircaner-tail-600", "tail -n 600 chaircaner.log", d, n_app_log)
    chain("chain-log-grep-error-chaircaner", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' chaircaner.log | head -n 240", n_app_log),
           Part("grep -c ERROR chaircaner.log", None, ";")], d)


C_NEW = ("STRANDPEG_H", "strandpeg", "strand_t", "strands", "peg_t", "peg_weight", "peg_find", "weave_permille",
         "cane_g", "rattan", "weaves", "weave_count_", "_seat", '"seat ', "peg")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("sixway", "0.7.28", "Sixway: weaves from strand bore, seat load and a ranking of caned "
          "settings.", "weave_n", "seat_load", "strand_um", "peg_um", "cane_count", "setting_", "setting ",
          "weave not on", "frame limit", "settings", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "strandpeg"
    rnd = random.Random(72812)
    files = {"src/strandpeg.h": renamed(base.GATE_H, C_RENAMES),
             "src/pegframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/weave_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: strandpeg\n\n"
                         "strandpeg: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/strandpeg.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build strandpeg\n")
    write_tree(root, files)
    chain("chain-make-k-strandpeg-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-strandpeg-weave", "gcc -Wall -Wextra -fsyntax-only -Isrc src/pegframe.c "
        "src/weave_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build strandpeg", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "sixway"
    rnd = random.Random(72813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "sixway-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-sixway", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(cane_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-sixway-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("canebundle", "weavecount", "workshop host", "strands left, days", "nothing left to cane",
          "caning order", "cane grade", "Seat", "seat", "Strand", "strand", "Frame", "frame", "Pegs", "pegs")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Caning Bench", "Rush Loft", "Soak Room", "Frame Rack", "Peg Drawer", "Hank Store", "Seat Shop",
           "Rail Bench", "Setting Board", "Tally Board", "Yard Gate", "Bench Eight"]
GO_STEP = g273.make_steps(cap, "canebundle", "weavecount", 72811, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "canebundle" / "restock.go").unlink(missing_ok=True)


NW_BUGS = [("index.js", "'forty'", "'fourty'"),
           ("index.js", "str += n5 != 0 && str != '' ? 'and ' : ''", "str += n5 != 0 && str == '' ? 'and ' : ''"),
           ("index.js", "if (numStr.length > 9) {", "if (numStr.length > 8) {")]

# Writes spec/numwords.test.mjs: the caner's seeded counts, each expectation computed here from the UNBROKEN copy.
NW_GEN = r"""
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const numWords = require('./src/numwords/index.js');
let seed = 72816;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Hester', 'Jabez', 'Keziah', 'Ezra', 'Tamsin', 'Abel', 'Loveday', 'Reuben'];
const JOBS = ['cane seat', 'rush seat', 'strand count', 'peg tally', 'hank weight', 'setting'];
const MAGS = [99, 999, 9999, 99999, 9999999, 99999999, 999999999];
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import { createRequire } from 'node:module';", "const require = createRequire(import.meta.url);",
  "const numWords = require('../src/numwords/index.js');", ''];
for (let n = 1; n <= 200; n++) {
  const x = 1 + Math.floor(rnd() * pick(MAGS));
  const want = numWords(x);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${x}`)}, () => {\n  assert.equal(numWords(${x}), ${J(want)});\n});`);
}
fs.writeFileSync('spec/numwords.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "rushseat"
    for d in ("src/numwords", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "rushseat", "version": "0.7.28", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": NW_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"cp {JS}/node_modules/num-words/index.js {JS}/node_modules/num-words/package.json src/numwords/", cwd=root)
    assert (root / "src/numwords/index.js").exists(), "num-words not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/numwords.test.mjs").exists(), "numwords.test.mjs not written"
    put_bugs(root / "src" / "numwords", NW_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-numwords-rushseat-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-numwords-rushseat-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-rushseat", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-numwords-rushseat", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env, timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-wordtodigits", n_pytest,
          f"cd caneweave && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-wordtodigits", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full caneweave/{MOD} "
          f"caneweave/seat_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-wordtodigits", n_blame, f"cd caneweave-git && git blame -w {MOD}"),
        B("oc-bash-git-show-wordtodigits-part", n_show, "cd caneweave-git && git show HEAD~3"),
        B("oc-bash-git-log-p-wordtodigits-reverse", n_log_p,
          "cd caneweave-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-strandpeg", n_make, "make -C strandpeg -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-sixway", n_cargo_test, "cd sixway && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-sixway", n_clippy, "cd sixway && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-canebundle", n_go_test,
          "cd canebundle && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux, "ps auxww --sort=-pcpu | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-chaircaner-largest", n_sqlite_col,
          "sqlite3 -header -column chaircaner.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-chaircaner", n_csv,
          "(head -n 1 chaircaner.csv; tail -n +2 chaircaner.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-strand-chaircaner", n_app_log,
          "grep -E 'setting [1-6] of|frame [0-9] cracked' chaircaner.log | head -n 400"),
        B("oc-bash-eslint-rushseat", n_eslint, "cd rushseat && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-wordtodigits", "chain-lint", "lint",
               [Part("cd caneweave", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} seat_tally.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check wordtodigits"))
    S.append(C("oc-bash-chain-git-status-diff-wordtodigits", "chain-git-status-diff", "git",
               [Part("cd caneweave-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-rushseat", "chain-test-exit", "test",
               [Part("cd rushseat", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test rushseat"))
    S.append(C("oc-bash-chain-go-test-tail-exit-canebundle", "chain-test-exit", "test",
               [Part("cd canebundle", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                 "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test canebundle"))
    O = [
        Spec("oc-grep-wordtodigits-number-flag", "oc-grep", "search", "grep",
             {"pattern": r"temp_number|final_number|number_flag", "path": "caneweave/wordtodigits",
              "include": "*.py"}),
        Spec("oc-glob-strandpeg-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "strandpeg"}),
        Spec("oc-read-py-caneweave-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/caneweave/{TESTS}"}, "python"),
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28728), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38728)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("<html><body><h1>chair caner</h1></body></html>\n")
    try:
        run_round(tmp, f"cp -r {tmp}/caneweave caneweave && cp -r {tmp}/wd-git caneweave-git && "
                  f"cp -r {tmp}/strandpeg strandpeg && cp -r {tmp}/sixway sixway && "
                  f"cp -r {tmp}/canebundle canebundle && cp -a {tmp}/rushseat rushseat && "
                  f"cp {tmp}/data/chaircaner.db {tmp}/data/chaircaner.csv {tmp}/data/chaircaner.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf strandpeg/build "
                  "caneweave/.mypy_cache caneweave/.ruff_cache caneweave/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W728_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide728", sys.modules["__main__"])
    main()
