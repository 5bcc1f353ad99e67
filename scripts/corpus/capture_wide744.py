"""Capture round 744 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a patten maker (ash soles, patten rings, stirrups, sole straps, the
patten yard): number2words 0.1.3 (its PyPI sdist) with bugs put in (project pattenring) under a seeded pytest suite
written here, ruff and mypy, and a chained traceback; a git history of its module and the test file; the real npm
package numbers-to-words 2.0.0 copied into a project (ashsole) with bugs put in, under a node --test suite generated
here from the unbroken copy, and eslint; a C project (ringforge) and a Rust crate (stirrupring) from round 291's
generators imported and renamed; a Go module (pattenyard) from round 273's make_steps imported with this round's
words; CSV/sqlite tables of /usr/share/doc files, an application log; ONE headless OpenCode run over the same
material (its bash, grep, glob, read). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round
744: no new rules"). Round 736's layout and item list; its module imported for what carries no names."""

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
import capture_wide712 as w712  # noqa: E402
import capture_wide720 as w720  # noqa: E402
import capture_wide728 as w728  # noqa: E402
import capture_wide736 as w736  # noqa: E402

ID_PREFIX = "wide744-"
DEFAULT_OUT = HERE / "data" / "wide744.json"
TMP = Path("/dev/shm/hm-corpus-wide744")
SRC = Path("/dev/shm/hm-corpus-wide744-src")  # number2words-0.1.3.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide744-hist")
VENV = Path("/dev/shm/hm-corpus-wide744-venv")
JS = Path("/dev/shm/hm-corpus-wide744-js")  # eslint, @eslint/js, numbers-to-words
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
from capture_wide15_data import n_csv, n_ls_lR, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP
SEED = 74440
SV = "number2words-0.1.3"
MOD = "number2words/__init__.py"
TESTS = "tests/test_pattenring.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Keziah Patten", "keziah@example.org"), ("Obadiah Strapp", "obadiah@example.org"),
          ("Keziah Patten", "keziah@example.org"), ("Mercy Ashby", "mercy@example.org"),
          ("Ezra Ringer", "ezra@example.org")]
BUGS = [(MOD, "40: 'forty'", "40: 'fourty'"),
        (MOD, "['thousand', 'lakh', 'crore']", "['thousand', 'crore', 'lakh']"),
        (MOD, "'%s hundred' %", "'%s hundreds' %")]
WHO = ["Keziah", "Obadiah", "Mercy", "Ezra", "Tamsin", "Barnaby", "Loveday", "Zebedee"]
WARES = ["ash soles", "patten rings", "stirrups", "sole straps", "toe pieces", "iron studs"]


def gen_tests(gp: Path) -> None:
    """tests/test_pattenring.py: seeded counts, each expectation from the UNBROKEN module (loaded here)."""
    spec = importlib.util.spec_from_file_location("n2w_unbroken", gp / MOD)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = random.Random(SEED)
    out = ["from number2words import Number2Words", ""]
    for k in range(1, 241):
        n = r.randint(1, r.choice([99, 999, 9999, 99999, 999999, 9_999_999, 999_999_999]))
        who, ware = r.choice(WHO), r.choice(WARES)
        want = mod.Number2Words(n).convert()
        out.append(f"def test_rings_{k:03d}_{who.lower()}_{ware.replace(' ', '_')}():\n"
                   f"    assert Number2Words({n}).convert() == {want!r}\n")
    (gp / "tests").mkdir(exist_ok=True)
    (gp / TESTS).write_text("\n\n".join(out) + "\n")


SCRIPT = r"""import random

from number2words import Number2Words


class PattenTallyError(Exception):
    pass


ONES = "- One Two Three Four Five Six Seven Eight Nine".split()
TENS = "- - Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninty".split()
r = random.Random(74440)
BOOKS = []
for who in ["Keziah Patten", "Obadiah Strapp", "Mercy Ashby", "Ezra Ringer"]:
    rows = []
    for _ in range(5):
        h, t, o = r.randint(1, 9), r.randint(2, 9), r.randint(1, 9)
        rows.append((h * 100 + t * 10 + o, f"{ONES[h]} Hundred {TENS[t]} {ONES[o]} Only"))
    BOOKS.append({"who": who, "rows": rows})


def check(book):
    try:
        for n, (count, written) in enumerate(book["rows"]):
            got = Number2Words(count).convert()
            if got != written:
                raise ValueError(f"row {n}: {count} rings written {got!r}, the yard book says {written!r}")
        return len(book["rows"])
    except ValueError as exc:
        raise PattenTallyError(f"ring tally: {book['who']}'s book read off the patten yard "
                               f"({len(BOOKS)} patten makers' books)") from exc


print(f"patten maker: {len(BOOKS)} patten makers' ring books to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "number2words-*.tar.gz", ["number2words==0.1.3"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "numbers-to-words", ["eslint@10.16.0", "@eslint/js@10.0.1", "numbers-to-words@2.0.0"])
    for need in (SRC / f"{SV}.tar.gz", VENV / "bin/mypy", JS / "node_modules/numbers-to-words/src/index.js",
                 JS / "node_modules/.bin/eslint"):
        assert need.exists(), f"material step failed: {need}"
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} pattenring", cwd=tmp)
    gp = tmp / "pattenring"
    assert (gp / MOD).exists(), "number2words not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r pattenring {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-number2words-pattenring-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-number2words-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-number2words-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full number2words tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-number2words-module", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "ring_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-ring-tally", "python3 ring_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "nw", SV, [MOD, TESTS], PEOPLE, SEED, 24, BUGS)
    cap("git-log-p-number2words-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-number2words-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"pair {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 9)} studs set in "
                      f"{r.choice(['ash', 'alder', 'willow', 'poplar', 'beech'])} soles, ring {r.randint(1, 6)} "
                      f"of {r.randint(6, 7)}",
    "DEBUG": lambda r: f"forge heat {r.choice(['cherry', 'straw', 'blue'])} held {r.randint(10, 60)} "
                       f"s for {r.choice(['ringforge', 'stirrupring', 'pattenyard'])}, batch {r.randint(100, 999)}, "
                       f"{r.randint(3, 9)} straps cut",
    "WARNING": lambda r: f"ring {r.randint(1, 40)} out of true at heat {r.randint(2, 60)} on "
                         f"{r.choice(['Sole Bench', 'Ring Anvil', 'Strap Loft'])}, {r.randint(1, 6)} pairs reset",
    "ERROR": lambda r: f"sole {r.randint(1, 8)} split at stud {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['soles', 'rings', 'straps', 'studs'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/jq", "/usr/share/doc/iproute2", "/usr/share/doc/heaptrack", "/usr/share/doc/flawfinder",
        "/usr/share/doc/cscope", "/usr/share/doc/grep", "/usr/share/doc/less")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS) | set(w736.DIRS)), "earlier doc dirs"


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
    with open(d / "pattenmaker.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 pattenmaker.db '.mode csv' '.import pattenmaker.csv parts'", cwd=d)
    assert (d / "pattenmaker.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-jq-iproute2", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-pattenmaker-kinds", "sqlite3 -header -column pattenmaker.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "pattenmaker.log", 74444, 1500, ["patten.sole", "patten.ring", "patten.strap", "patten.yard"],
            LOG_MSGS, 7444, "2026-12-04")
    cap("app-log-pattenmaker-tail-600", "tail -n 600 pattenmaker.log", d, n_app_log)
    chain("chain-log-grep-error-pattenmaker", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' pattenmaker.log | head -n 240", n_app_log),
           Part("grep -c ERROR pattenmaker.log", None, ";")], d)


C_NEW = ("RINGFORGE_H", "ringforge", "ring_t", "rings", "forge_t", "forge_weight", "forge_find", "stud_permille",
         "iron_g", "strap", "heats", "stud_count_", "_batch", '"batch ', "forge")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("stirrupring", "0.7.44", "Stirrup ring: sole rise from ring bore, strap load and a ranking of ash "
          "soles.", "rise_n", "strap_load", "ring_um", "stud_um", "sole_count", "strap_", "strap ",
          "rise not on", "yard limit", "soles", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "ringforge"
    rnd = random.Random(74442)
    files = {"src/ringforge.h": renamed(base.GATE_H, C_RENAMES),
             "src/forgeframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/stud_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ringforge\n\n"
                         "ringforge: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ringforge.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ringforge\n")
    write_tree(root, files)
    chain("chain-make-k-ringforge-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-ringforge-stud", "gcc -Wall -Wextra -fsyntax-only -Isrc src/forgeframe.c "
        "src/stud_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build ringforge", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "stirrupring"
    rnd = random.Random(74443)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "stirrupring-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-stirrupring", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sole_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-stirrupring-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("pattenyard", "solecount", "workshop host", "soles left, days", "nothing left to stud",
          "studding order", "sole grade", "Patten", "patten", "Strap", "strap", "Yard", "yard", "Studs", "studs")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Sole Bench", "Ring Anvil", "Strap Loft", "Ash Stack", "Stud Drawer", "Forge Hearth", "Cutting Block",
           "Toe Piece Shelf", "Stirrup Rack", "Tally Board", "Yard Gate", "Bench Four"]
GO_STEP = g273.make_steps(cap, "pattenyard", "solecount", 74441, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "pattenyard" / "restock.go").unlink(missing_ok=True)


NWD = "src/numberstowords"
NW_BUGS = [("src/lib/numberWords.js", '"Ninety",', '"Nintey",'),
           ("src/lib/convertIndianNumber.js", "`${convertBelowHundred(lakhValue)} Lakh`",
            "`${convertBelowHundred(lakhValue)} Lakhs`"),
           ("src/lib/convertInternationalNumber.js", '{ value: 1000000, label: "Million" },',
            '{ value: 100000, label: "Million" },')]

# Writes spec/numberstowords.test.mjs: the patten maker's seeded counts, each expectation from the UNBROKEN copy.
NW_GEN = r"""
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const numbersToWords = require('./src/numberstowords/index.js');
let seed = 74446;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Keziah', 'Obadiah', 'Mercy', 'Ezra', 'Tamsin', 'Barnaby', 'Loveday', 'Zebedee'];
const JOBS = ['ring count', 'sole tally', 'strap cut', 'stud batch', 'stirrup forge', 'yard stock'];
const MAGS = [99, 999, 9999, 99999, 9999999, 99999999, 999999999, 99999999999];
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import { createRequire } from 'node:module';", "const require = createRequire(import.meta.url);",
  "const numbersToWords = require('../src/numberstowords/index.js');", ''];
for (let n = 1; n <= 200; n++) {
  const x = 1 + Math.floor(rnd() * pick(MAGS));
  const intl = rnd() < 0.4 && x < 999999999999;
  const fn = intl ? 'numbersToWords.international' : 'numbersToWords';
  const want = await (intl ? numbersToWords.international(x) : numbersToWords(x));
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${x}`)}, async () => {\n  assert.deepEqual(await ${fn}(${x}), ${J(want)});\n});`);
}
fs.writeFileSync('spec/numberstowords.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "ashsole"
    for d in (NWD, "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "ashsole", "version": "0.7.44", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": NW_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    pkg = JS / "node_modules/numbers-to-words"
    run(f"cp -r {pkg}/index.js {pkg}/package.json {pkg}/src {NWD}/", cwd=root)
    assert (root / NWD / "src/lib/numberWords.js").exists(), "numbers-to-words not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/numberstowords.test.mjs").exists(), "numberstowords.test.mjs not written"
    put_bugs(root / NWD, NW_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-numberstowords-ashsole-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-numberstowords-ashsole-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-ashsole", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-numberstowords-ashsole", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    go_env = "GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local"
    S: list = [
        B("oc-bash-pytest-rA-tail-number2words", n_pytest,
          f"cd pattenring && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-number2words", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full pattenring/{MOD} "
          f"pattenring/ring_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-number2words", n_blame, f"cd pattenring-git && git blame -w {MOD}"),
        B("oc-bash-git-show-number2words-part", n_show, "cd pattenring-git && git show HEAD~3"),
        B("oc-bash-git-log-p-number2words-reverse", n_log_p,
          "cd pattenring-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-ringforge", n_make, "make -C ringforge -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-stirrupring", n_cargo_test, "cd stirrupring && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-stirrupring", n_clippy, "cd stirrupring && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-pattenyard", n_go_test,
          f"cd pattenyard && {go_env} go test -v ./... 2>&1 | tail -n 350"),
        # no `ps aux` call: the one run's table (without `| grep -v binary_backend`) showed the sandbox's own
        # processes and their environment, so its item was dropped from the data and the call taken out here
        B("oc-bash-sqlite-pattenmaker-largest", n_sqlite_col,
          "sqlite3 -header -column pattenmaker.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-pattenmaker", n_csv,
          "(head -n 1 pattenmaker.csv; tail -n +2 pattenmaker.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-ring-pattenmaker", n_app_log,
          "grep -E 'ring [1-6] of|sole [0-9] split' pattenmaker.log | head -n 400"),
        B("oc-bash-eslint-ashsole", n_eslint, "cd ashsole && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-number2words", "chain-lint", "lint",
               [Part("cd pattenring", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} ring_tally.py "
                                                 "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check number2words"))
    S.append(C("oc-bash-chain-git-status-diff-number2words", "chain-git-status-diff", "git",
               [Part("cd pattenring-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-ashsole", "chain-test-exit", "test",
               [Part("cd ashsole", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test ashsole"))
    S.append(C("oc-bash-chain-go-test-tail-exit-pattenyard", "chain-test-exit", "test",
               [Part("cd pattenyard", None), Part(f"{go_env} go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test pattenyard"))
    O = [
        Spec("oc-grep-number2words-words-dict", "oc-grep", "search", "grep",
             {"pattern": r"words_dict|power_list|msbs", "path": "pattenring/number2words", "include": "*.py"}),
        Spec("oc-glob-ringforge-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "ringforge"}),
        Spec("oc-read-py-pattenring-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/pattenring/{TESTS}"}, "python"),
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28744), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38744)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("<html><body><h1>patten maker</h1></body></html>\n")
    try:
        run_round(tmp, f"cp -r {tmp}/pattenring pattenring && cp -r {tmp}/nw-git pattenring-git && "
                  f"cp -r {tmp}/ringforge ringforge && cp -r {tmp}/stirrupring stirrupring && "
                  f"cp -r {tmp}/pattenyard pattenyard && cp -a {tmp}/ashsole ashsole && "
                  f"cp {tmp}/data/pattenmaker.db {tmp}/data/pattenmaker.csv {tmp}/data/pattenmaker.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf ringforge/build "
                  "pattenring/.mypy_cache pattenring/.ruff_cache pattenring/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W744_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide744", sys.modules["__main__"])
    main()
