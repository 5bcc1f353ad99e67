"""Capture round 765 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a bookbinder (folios, signatures, headbands, bone folders, presses):
papersize 1.6.1 (its PyPI sdist) with bugs put in (project foliopress) under a seeded pytest suite written here, ruff
and mypy, and a chained traceback; a git history of its module and the test file; the real npm package
@cityssm/paper-sizes 1.0.1 copied into a project (headbandry) with bugs put in, under a node --test suite generated
here from the unbroken copy, and eslint; a C project (standingpress) and a Rust crate (signaturefold) from round 291's
generators imported and renamed; a Go module (bindpress) from round 273's make_steps imported with this round's
words; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same
material (its bash, grep, glob, read). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round
765: no new rules"). Round 744's layout and item list (with round 736's ps aux call restored, sandbox lines filtered
out); its module imported for what takes no names.

Tools: papersize 1.6.1 (PyPI sdist), @cityssm/paper-sizes 1.0.1 (npm), pytest 9.2.0, ruff 0.17.6, mypy 2.4.1 (a venv
under /dev/shm), eslint 10.16.0 with @eslint/js 10.0.1, node, gcc, GNU make, cargo/clippy, go, sqlite3, git, and the
pinned OpenCode (.tools/bin/opencode) driven by round 191's run_round.

Usage: /work/main/.venv/bin/python scripts/corpus/capture_wide765.py [--out FILE]   (W765_ONLY=step,step to run some)
Writes: scripts/corpus/data/wide765.json, ids prefixed "wide765-"."""

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
import capture_wide744 as w744  # noqa: E402

ID_PREFIX = "wide765-"
DEFAULT_OUT = HERE / "data" / "wide765.json"
TMP = Path("/dev/shm/hm-corpus-wide765-run")  # the material (emptied at the start and removed at the end)
HIST = TMP / "hist-src"  # the unbroken copy, packed for capture_material.history
TOOLS = Path("/dev/shm/hm-corpus-wide765")  # what is installed
SRC = TOOLS / "src"  # papersize-1.6.1.tar.gz, its PyPI sdist
VENV = TOOLS / "venv"
JS = TOOLS / "js"  # eslint, @eslint/js, @cityssm/paper-sizes
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
SEED = 76540
SV = "papersize-1.6.1"
MOD = "papersize/__init__.py"
TESTS = "tests/test_foliopress.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Philippa Folder", "philippa@example.org"), ("Ambrose Platen", "ambrose@example.org"),
          ("Philippa Folder", "philippa@example.org"), ("Lettice Quire", "lettice@example.org"),
          ("Jabez Sewell", "jabez@example.org")]
BUGS = [(MOD, '"a4": "210mm x 297mm"', '"a4": "210mm x 279mm"'),
        (MOD, '"in": Decimal("72.27"),', '"in": Decimal("72.72"),'),
        (MOD, "return (max(size), min(size))", "return (min(size), max(size))")]
WHO = ["Philippa", "Ambrose", "Lettice", "Jabez", "Griselda", "Hezekiah", "Wilmot", "Dorcas"]
WARES = ["folios", "signatures", "headbands", "endpapers", "boards", "quires"]
UNITS = ["mm", "cm", "in", "pt", "bp", "pc"]


def gen_tests(gp: Path) -> None:
    """tests/test_foliopress.py: seeded folio sizes, each expectation from the UNBROKEN module (loaded here)."""
    spec = importlib.util.spec_from_file_location("papersize_unbroken", gp / MOD)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = random.Random(SEED)
    names = sorted(mod.SIZES)
    out = ["from decimal import Decimal", "", "from papersize import LANDSCAPE, parse_length, parse_papersize, rotate",
           ""]
    for k in range(1, 241):
        who, ware, unit = r.choice(WHO), r.choice(WARES), r.choice(UNITS)
        pick = r.random()
        if pick < 0.6:
            name = r.choice(names)
            call = f"parse_papersize({name!r}, {unit!r})"
            want = mod.parse_papersize(name, unit)
        elif pick < 0.8:
            name = r.choice(names)
            call = f"rotate(parse_papersize({name!r}, {unit!r}), LANDSCAPE)"
            want = mod.rotate(mod.parse_papersize(name, unit), mod.LANDSCAPE)
        else:
            length = f"{r.randint(1, 600)}.{r.randint(0, 9)}{r.choice(UNITS)}"
            call = f"parse_length({length!r}, {unit!r})"
            want = mod.parse_length(length, unit)
        out.append(f"def test_folio_{k:03d}_{who.lower()}_{ware}():\n"
                   f"    assert {call} == {want!r}\n")
    (gp / "tests").mkdir(exist_ok=True)
    (gp / TESTS).write_text("\n\n".join(out) + "\n")


SCRIPT = r"""import random

from papersize import parse_papersize


class FolioTallyError(Exception):
    pass


STANDARD = {"a4": "210.0 x 297.0", "a5": "148.0 x 210.0", "b5": "176.0 x 250.0", "c5": "162.0 x 229.0",
            "letter": "215.9 x 279.4", "legal": "215.9 x 355.6", "executive": "177.8 x 254.0"}
r = random.Random(76540)
BOOKS = []
for who in ["Philippa Folder", "Ambrose Platen", "Lettice Quire", "Jabez Sewell"]:
    rows = [r.choice(sorted(STANDARD)) for _ in range(5)]
    BOOKS.append({"who": who, "rows": [(name, STANDARD[name]) for name in rows]})


def check(book):
    try:
        for n, (name, written) in enumerate(book["rows"]):
            width, height = parse_papersize(name, "mm")
            got = f"{width:.1f} x {height:.1f}"
            if got != written:
                raise ValueError(f"row {n}: {name} folio measured {got!r} mm, the press book says {written!r}")
        return len(book["rows"])
    except ValueError as exc:
        raise FolioTallyError(f"folio tally: {book['who']}'s press book read off the standing press "
                              f"({len(BOOKS)} binders' books)") from exc


print(f"bookbinder: {len(BOOKS)} binders' press books of folio sizes to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "papersize-*.tar.gz", ["papersize==1.6.1"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "@cityssm/paper-sizes", ["eslint@10.16.0", "@eslint/js@10.0.1", "@cityssm/paper-sizes@1.0.1"])
    for need in (SRC / f"{SV}.tar.gz", VENV / "bin/mypy", JS / "node_modules/@cityssm/paper-sizes/index.js",
                 JS / "node_modules/.bin/eslint"):
        assert need.exists(), f"material step failed: {need}"
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} foliopress", cwd=tmp)
    gp = tmp / "foliopress"
    assert (gp / MOD).exists(), "papersize not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r foliopress {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-papersize-foliopress-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-papersize-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-papersize-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full papersize tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-papersize-module", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "folio_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-folio-tally", "python3 folio_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "folio", SV, [MOD, TESTS], PEOPLE, SEED, 30, BUGS)
    cap("git-log-p-papersize-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-papersize-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"book {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 9)} signatures sewn on "
                      f"{r.choice(['linen tapes', 'cords', 'vellum slips', 'raised bands', 'sawn-in cords'])}, "
                      f"folio {r.randint(1, 6)} of {r.randint(6, 7)}",
    "DEBUG": lambda r: f"press {r.choice(['standing', 'nipping', 'lying', 'finishing'])} held {r.randint(10, 60)} "
                       f"min for {r.choice(['standingpress', 'signaturefold', 'bindpress'])}, batch "
                       f"{r.randint(100, 999)}, {r.randint(3, 9)} headbands worked",
    "WARNING": lambda r: f"signature {r.randint(1, 40)} out of square at fold {r.randint(2, 60)} on "
                         f"{r.choice(['Sewing Frame', 'Bone Folder Bench', 'Glue Pot'])}, {r.randint(1, 6)} "
                         f"folios refolded",
    "ERROR": lambda r: f"board {r.randint(1, 8)} warped at press {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['folios', 'signatures', 'headbands', 'boards'])} lost (tally "
                       f"{r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/util-linux", "/usr/share/doc/libxmlsec1-dev", "/usr/share/doc/python3-pip",
        "/usr/share/doc/lsof", "/usr/share/doc/ucf", "/usr/share/doc/systemd", "/usr/share/doc/mawk")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS) | set(w736.DIRS) | set(w744.DIRS)), \
    "earlier doc dirs"


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
    with open(d / "foldbone.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 foldbone.db '.mode csv' '.import foldbone.csv parts'", cwd=d)
    assert (d / "foldbone.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-util-linux-pip", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-foldbone-kinds", "sqlite3 -header -column foldbone.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "foldbone.log", 76544, 1500, ["bindery.fold", "bindery.sew", "bindery.press", "bindery.board"],
            LOG_MSGS, 7654, "2026-12-04")
    cap("app-log-foldbone-tail-600", "tail -n 600 foldbone.log", d, n_app_log)
    chain("chain-log-grep-error-foldbone", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' foldbone.log | head -n 240", n_app_log),
           Part("grep -c ERROR foldbone.log", None, ";")], d)


C_NEW = ("STANDINGPRESS_H", "standingpress", "platen_t", "platens", "screw_t", "screw_weight", "screw_find",
         "glue_permille", "board_g", "thread", "nips", "glue_count_", "_quire", '"quire ', "screw")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("signaturefold", "0.7.65", "Signature fold: gathering from sheet bore, sewing load and a ranking of "
          "signatures.", "gather_n", "sew_load", "sheet_um", "thread_um", "leaf_count", "sew_", "sew ",
          "gathering not on", "press limit", "signatures", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "standingpress"
    rnd = random.Random(76542)
    files = {"src/standingpress.h": renamed(base.GATE_H, C_RENAMES),
             "src/screwframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/glue_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: standingpress\n\n"
                         "standingpress: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/standingpress.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build standingpress\n")
    write_tree(root, files)
    chain("chain-make-k-standingpress-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-standingpress-glue", "gcc -Wall -Wextra -fsyntax-only -Isrc src/screwframe.c "
        "src/glue_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build standingpress", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "signaturefold"
    rnd = random.Random(76543)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "signaturefold-target"), "CARGO_TERM_COLOR": "never",
           "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-signaturefold", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(leaf_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-signaturefold-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("bindpress", "sigcount", "workshop host", "sheets left, days", "nothing left to fold",
          "folding order", "paper grade", "Folio", "folio", "Quire", "quire", "Press", "press", "Leaves", "leaves")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Sewing Frame", "Standing Press", "Nipping Press", "Glue Pot", "Bone Folder Bench", "Board Shears",
           "Headband Loom", "Endpaper Shelf", "Plough Bench", "Tally Board", "Finishing Stove", "Bench Six"]
GO_STEP = g273.make_steps(cap, "bindpress", "sigcount", 76541, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "bindpress" / "restock.go").unlink(missing_ok=True)


PSD = "src/papersizes"
PS_BUGS = [("paperSpecifications/iso.js", "B4: { width: 250, height: 353, unit: 'mm' },",
            "B4: { width: 250, height: 335, unit: 'mm' },"),
           ("index.js", "const calculatedPrecision = 3;", "const calculatedPrecision = 2;"),
           ("index.js", "width: portraitSize.height,", "width: portraitSize.width,")]

# Writes spec/papersizes.test.mjs: the bookbinder's seeded folio sizes, each expectation from the UNBROKEN copy.
PS_GEN = r"""
import fs from 'node:fs';
import * as ps from './src/papersizes/index.js';
let seed = 76546;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Philippa', 'Ambrose', 'Lettice', 'Jabez', 'Griselda', 'Hezekiah', 'Wilmot', 'Dorcas'];
const JOBS = ['folio fold', 'signature sew', 'headband work', 'board cut', 'endpaper tip', 'press stack'];
const TYPES = Object.keys(ps.paperSpecifications);
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import * as ps from '../src/papersizes/index.js';", ''];
for (let n = 1; n <= 200; n++) {
  let type = pick(TYPES);
  if (rnd() < 0.3) { type = type.toLowerCase(); }
  const unit = pick([undefined, 'in', 'mm']);
  const f = rnd();
  let call;
  if (f < 0.35) { call = `ps.getPaperSize(${J(type)}${unit ? `, ${J(unit)}` : ''})`; }
  else if (f < 0.65) { call = `ps.getLandscapePaperSize(${J(type)}${unit ? `, ${J(unit)}` : ''})`; }
  else if (f < 0.8) { call = `ps.getPaperSizeInInches(${J(type)})`; }
  else if (f < 0.95) { call = `ps.getPaperSizeInMillimetres(${J(type)})`; }
  else { call = `ps.isPaperType(${J(type)})`; }
  const want = new Function('ps', `return ${call};`)(ps);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${type}`)}, () => {\n  assert.deepEqual(${call}, ${J(want)});\n});`);
}
fs.writeFileSync('spec/papersizes.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "headbandry"
    for d in (PSD + "/paperSpecifications", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "headbandry", "version": "0.7.65", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": PS_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    pkg = JS / "node_modules/@cityssm/paper-sizes"
    run(f"cp {pkg}/index.js {pkg}/paperSpecifications.js {pkg}/types.js {pkg}/package.json {PSD}/ && "
        f"cp {pkg}/paperSpecifications/*.js {PSD}/paperSpecifications/", cwd=root)
    assert (root / PSD / "paperSpecifications/iso.js").exists(), "@cityssm/paper-sizes not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/papersizes.test.mjs").exists(), "papersizes.test.mjs not written"
    put_bugs(root / PSD, PS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-papersizes-headbandry-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-papersizes-headbandry-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-headbandry", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-papersizes-headbandry", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    go_env = "GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local"
    S: list = [
        B("oc-bash-pytest-rA-tail-papersize", n_pytest,
          f"cd foliopress && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-papersize", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full foliopress/{MOD} "
          f"foliopress/folio_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-papersize", n_blame, f"cd foliopress-git && git blame -w {MOD}"),
        B("oc-bash-git-show-papersize-part", n_show, "cd foliopress-git && git show HEAD~3"),
        B("oc-bash-git-log-p-papersize-reverse", n_log_p,
          "cd foliopress-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-standingpress", n_make, "make -C standingpress -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-signaturefold", n_cargo_test, "cd signaturefold && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-signaturefold", n_clippy, "cd signaturefold && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-bindpress", n_go_test,
          f"cd bindpress && {go_env} go test -v ./... 2>&1 | tail -n 350"),
        # the sandbox's own processes (lines holding binary_backend) are filtered out by the command itself
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux,
          "ps auxww --sort=-pcpu | grep -v binary_backend | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-foldbone-largest", n_sqlite_col,
          "sqlite3 -header -column foldbone.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-foldbone", n_csv,
          "(head -n 1 foldbone.csv; tail -n +2 foldbone.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-folio-foldbone", n_app_log,
          "grep -E 'folio [1-6] of|board [0-9] warped' foldbone.log | head -n 400"),
        B("oc-bash-eslint-headbandry", n_eslint, "cd headbandry && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-papersize", "chain-lint", "lint",
               [Part("cd foliopress", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} folio_tally.py "
                                                  "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check papersize"))
    S.append(C("oc-bash-chain-git-status-diff-papersize", "chain-git-status-diff", "git",
               [Part("cd foliopress-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-headbandry", "chain-test-exit", "test",
               [Part("cd headbandry", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test headbandry"))
    S.append(C("oc-bash-chain-go-test-tail-exit-bindpress", "chain-test-exit", "test",
               [Part("cd bindpress", None), Part(f"{go_env} go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test bindpress"))
    O = [
        Spec("oc-grep-papersize-sizes-units", "oc-grep", "search", "grep",
             {"pattern": r"SIZES|UNITS|Decimal\(", "path": "foliopress/papersize", "include": "*.py"}),
        Spec("oc-glob-standingpress-c", "oc-glob", "listing", "glob",
             {"pattern": "**/*.[ch]", "path": "standingpress"}),
        Spec("oc-read-py-foliopress-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/foliopress/{TESTS}"}, "python"),
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28765), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38765)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("<html><body><h1>bookbinder</h1></body></html>\n")
    try:
        run_round(tmp, f"cp -r {tmp}/foliopress foliopress && cp -r {tmp}/folio-git foliopress-git && "
                  f"cp -r {tmp}/standingpress standingpress && cp -r {tmp}/signaturefold signaturefold && "
                  f"cp -r {tmp}/bindpress bindpress && cp -a {tmp}/headbandry headbandry && "
                  f"cp {tmp}/data/foldbone.db {tmp}/data/foldbone.csv {tmp}/data/foldbone.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf standingpress/build "
                  "foliopress/.mypy_cache foliopress/.ruff_cache foliopress/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W765_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide765", sys.modules["__main__"])
    main()
