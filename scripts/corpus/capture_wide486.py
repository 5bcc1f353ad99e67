"""Capture round 486 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a wool mill (carders, mules, fullers): Debian's rply 0.7.7 with bugs put
in (project muleroom) under a pytest file of the round's own, ruff and mypy, and a chained traceback; a git history of
its lexer.py; a C project (fullerstock) and a Rust crate (teaselgig) from round 291's generators imported and renamed;
a Go module (slubbing) from round 273's make_steps imported with this round's words; a JavaScript project (scribbler)
from round 290's module and generator imported and renamed; CSV/sqlite tables of /usr/share files, ps aux, an
application log, ninja's HTML manual on loopback; ONE headless OpenCode run over the same material (its bash, grep,
glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 486: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide486.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide486.json  as {"version": 2, "items": [...]}, ids prefixed "wide486-".
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide486-"
DEFAULT_OUT = HERE / "data" / "wide486.json"
TMP = Path("/dev/shm/hm-corpus-wide486")
SRC = Path("/dev/shm/hm-corpus-wide486-src")  # rply-0.7.7.tar.gz made from Debian's python3-rply
VENV = Path("/dev/shm/hm-corpus-wide486-venv")  # the round's own tools: pytest, ruff, mypy, appdirs
JS = Path("/dev/shm/hm-corpus-wide486-js")  # the round's own npm project: eslint, @eslint/js, typescript
w9b.TMP = TMP
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide299_mat as m299  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide11_files import n_html  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test, n_tsc  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 48610
SV = "rply-0.7.7"
MOD = "rply/lexer.py"
PG = "rply/parsergenerator.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hannah Carder", "hannah@example.org"), ("Eli Mulespinner", "eli@example.org"),
          ("Hannah Carder", "hannah@example.org"), ("Amos Fuller", "amos@example.org"),
          ("Ruth Burler", "ruth@example.org")]
BUGS = [(MOD, "            return match.start - last_nl\n", "            return match.start - last_nl - 1\n"),
        (MOD, "            return match.start + 1\n", "            return match.start\n"),
        (MOD, 'self.s.count("\\n", match.start, match.end)', 'self.s.count("\\n", match.start, match.end - 1)')]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

TESTS = r"""import pytest

from rply import LexerGenerator, ParserGenerator, Token
from rply.errors import LexingError, ParsingError

CARDING = "carder + 12 * mule\nfuller + 3\n  teasel * 40"


def mill_lexer():
    lg = LexerGenerator()
    lg.add("NUMBER", r"\d+")
    lg.add("PLUS", r"\+")
    lg.add("TIMES", r"\*")
    lg.add("NAME", r"[a-z]+")
    lg.ignore(r"\s+")
    return lg.build()


def mill_parser():
    pg = ParserGenerator(["NUMBER", "PLUS", "TIMES"], precedence=[("left", ["PLUS"]), ("left", ["TIMES"])])

    @pg.production("expr : expr PLUS expr")
    @pg.production("expr : expr TIMES expr")
    def binop(p):
        if p[1].gettokentype() == "PLUS":
            return p[0] + p[2]
        return p[0] * p[2]

    @pg.production("expr : NUMBER")
    def number(p):
        return int(p[0].getstr())

    @pg.error
    def error(token):
        raise ParsingError("mule room: unexpected %s" % token.gettokentype(), token.getsourcepos())

    return pg.build()


def test_token_types_of_carding_line():
    assert [t.gettokentype() for t in mill_lexer().lex("carder + 12 * mule")] == ["NAME", "PLUS", "NUMBER", "TIMES",
                                                                                  "NAME"]


def test_token_index_of_fuller():
    assert [t.getsourcepos().idx for t in mill_lexer().lex("fuller * 3")] == [0, 7, 9]


def test_first_column_is_one():
    assert next(mill_lexer().lex("mule")).getsourcepos().colno == 1


def test_columns_on_first_line():
    assert [t.getsourcepos().colno for t in mill_lexer().lex("fuller * 3")] == [1, 8, 10]


@pytest.mark.parametrize("text,lines", [("carder\nmule", [1, 2]), ("carder\n\nmule", [1, 3]),
                                        ("carder mule", [1, 1]), ("carder +\n 12", [1, 1, 2]),
                                        (CARDING, [1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3])])
def test_line_numbers_of_spindles(text, lines):
    assert [t.getsourcepos().lineno for t in mill_lexer().lex(text)] == lines


def test_columns_after_newline():
    toks = list(mill_lexer().lex(CARDING))
    assert [(t.getstr(), t.getsourcepos().colno) for t in toks[5:]] == [("fuller", 1), ("+", 8), ("3", 10),
                                                                        ("teasel", 3), ("*", 10), ("40", 12)]


def test_lexing_error_on_stray_burl():
    with pytest.raises(LexingError):
        list(mill_lexer().lex("carder ? 3"))


def test_token_equality():
    assert Token("NAME", "mule") == Token("NAME", "mule")
    assert Token("NAME", "mule") != Token("NAME", "jenny")


@pytest.mark.parametrize("text,value", [("2 + 3 * 4", 14), ("2 * 3 + 4", 10), ("7", 7), ("1 + 1 + 1 + 1", 4)])
def test_parse_fulling_sums(text, value):
    assert mill_parser().parse(mill_lexer().lex(text)) == value


def test_parse_error_position():
    with pytest.raises(ParsingError) as info:
        mill_parser().parse(mill_lexer().lex("2 +\n+ 3"))
    pos = info.value.getsourcepos()
    assert (pos.lineno, pos.colno) == (2, 1)
"""

SCRIPT = r"""from rply import LexerGenerator


class MuleCheckError(Exception):
    pass


lg = LexerGenerator()
lg.add("COUNT", r"\d+")
lg.add("NAME", r"[a-z]+")
lg.ignore(r"[ \n]+")
LEXER = lg.build()
ROTA = "mule 1 jenny 240\ncarder 3 scribbler 80\nfuller 2 stocks 12\n"
SPINDLES = {(1, 1): "mule", (1, 6): "mule number", (1, 8): "jenny", (1, 14): "spindles",
            (2, 1): "carder", (2, 8): "carder number", (2, 10): "scribbler", (2, 20): "slubbings",
            (3, 1): "fuller", (3, 8): "fuller number", (3, 10): "stocks", (3, 17): "pieces"}


def spindle(token):
    pos = token.getsourcepos()
    try:
        return SPINDLES[(pos.lineno, pos.colno)]
    except KeyError as exc:
        raise MuleCheckError(f"mule check: token {token.getstr()!r} at line {pos.lineno} column {pos.colno} "
                             f"(index {pos.idx}) is on no spindle of the rota") from exc


for token in LEXER.lex(ROTA):
    print(token.gettokentype(), repr(token.getstr()), "idx", token.getsourcepos().idx)
for token in LEXER.lex(ROTA):
    print("line", token.getsourcepos().lineno, spindle(token), "=", token.getstr())
"""


def source(tmp: Path) -> None:
    """SRC/rply-0.7.7.tar.gz from Debian's python3-rply package directory (the round's "sdist"), the round's venv
    and npm project."""
    run(f"rm -rf {SRC} && mkdir -p {SRC}/{SV} && cd {SRC} && cp -r /usr/lib/python3/dist-packages/rply "
        f"/usr/lib/python3/dist-packages/rply-0.7.7.egg-info {SV}/ && "
        f"find {SV} -name __pycache__ -prune -exec rm -rf {{}} + && "
        f"printf 'rply 0.7.7 as Debian ships it\\n' > {SV}/README && tar -czf {SV}.tar.gz {SV} && rm -r {SV}",
        cwd=SRC.parent)
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "appdirs"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} muleroom", cwd=tmp)
    cp = tmp / "muleroom"
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_muleroom.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-rply-muleroom-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-rply-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-rply", f"{MYPY} rply 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "mule_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-mule-check", "python3 mule_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "rply", SV, [MOD, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("colno one short; a newline ending a match is not counted\n")
    cap("git-log-p-rply-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"carding engine {r.randint(1, 6)} fed {r.randint(20, 90)} lb of {r.choice(['merino', 'cheviot', 'shoddy'])} "
                      f"wool, slubbings drawn {r.randint(8, 60)}, doffer at {r.randint(80, 160)} rpm",
    "DEBUG": lambda r: f"mule {r.choice(['north', 'south', 'jenny'])} draw {r.randint(54, 66)} in, {r.randint(200, 480)} "
                       f"spindles, twist {r.randint(8, 30)} per inch",
    "WARNING": lambda r: f"fulling stocks {r.randint(1, 4)} running {r.randint(12, 30)} % dry, piece {r.randint(1, 90)} "
                         f"of {r.choice(['broadcloth', 'kersey', 'flannel'])} {r.randint(2, 14)} yd short",
    "ERROR": lambda r: f"mule {r.randint(1, 8)} carriage jammed at {r.randint(20, 64)} in, {r.randint(40, 300)} ends "
                       f"down on {r.choice(['merino', 'cheviot', 'shoddy', 'alpaca'])} yarn (cop {r.randint(1, 60)})",
}
DIRS = ("/usr/share/pari", "/usr/share/rubygems-integration", "/usr/share/netpbm", "/usr/share/sgml")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in DIRS:
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "millfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 millfiles.db '.mode csv' '.import millfiles.csv millfiles'", cwd=d)
    cap("ls-laR-pari-rubygems-netpbm-sgml", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "carders.log", 48614, 1500, ["mill.carding", "mill.mules", "mill.fulling",
                                               "mill.tenter"], LOG_MSGS, 4886, "2026-11-09")
    cap("app-log-carders-tail-500", "tail -n 500 carders.log", d, n_app_log)
    chain("chain-log-grep-error-carders", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' carders.log | head -n 280", n_app_log),
           Part("grep -c ERROR carders.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/ninja-build && exec python3 -m http.server 18486 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-ninja-manual-head", "curl -s http://127.0.0.1:18486/manual.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "FULLERSTOCK_H"), ("spoolgate", "fullerstock"), ("spool_t", "piece_t"),
             ("spools", "pieces"), ("gate_t", "stock_t"), ("gate_weight", "stock_shrink"),
             ("gate_find", "stock_find"), ("twist_permille", "felt_permille"), ("yarn_g", "wool_g"),
             ("fibre", "wool"), ("passes", "beats"), ("twist_count_", "felt_count_"), ("_lot", "_batch"),
             ('"lot ', '"batch '), ("gate", "stock"))
RS_RENAMES = (("tillerhorn", "teaselgig"), ("0.7.3", "0.4.86"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Teasel gigs: raise from gig bore, nap load and a ranking of "
              "teasel sets."),
              ("sweep_n", "raise_n"), ("helm_load", "nap_load"), ("bore_um", "gig_um"),
              ("pintle_um", "teasel_um"), ("horn_count", "teasel_count"), ("helm_", "nap_"), ("helm ", "nap "),
              ("sweep not on", "raise not on"), ("rudder limit", "gig limit"), ("fits", "sets"),
              ("spare_", "worn_"))


def c_build(tmp: Path) -> None:
    root = tmp / "fullerstock"
    rnd = random.Random(48612)
    files = {"src/fullerstock.h": renamed(base.GATE_H, C_RENAMES), "src/stock.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/fulling_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: fullerstock\n\n"
                         "fullerstock: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/fullerstock.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build fullerstock\n")
    write_tree(root, files)
    chain("chain-make-k-fullerstock-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-fullerstock-fulling", "gcc -Wall -Wextra -fsyntax-only -Isrc src/stock.c "
        "src/fulling_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build fullerstock", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "teaselgig"
    rnd = random.Random(48613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "teaselgig-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-teaselgig", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(teasel_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-teaselgig-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "slubbing"), ("casebook", "burlerbook"), ("ledger host", "mill host"),
              ("litres left, days", "pounds left, days"), ("nothing left to pour", "nothing left to card"),
              ("pour order", "carding order"), ("pour grade", "wool grade"), ("Keg", "Bale"), ("keg", "bale"),
              ("Beer", "Fleece"), ("beer", "fleece"), ("Cellar", "Carding"), ("cellar", "carding"),
              ("Pints", "Pounds"), ("pints", "pounds"))
BREEDS = ["Merino Botany", "Cheviot Hill", "Southdown Down", "Lincoln Longwool", "Shetland Moorit", "Herdwick Grey",
          "Romney Marsh", "Border Leicester", "Cotswold Lion", "Welsh Mountain", "Jacob Piebald", "Dorset Horn"]
GO_STEP = g273.make_steps(cap, "slubbing", "burlerbook", 48611, BREEDS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "slubbing" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in wool-mill words: the words round 299's table replaces, in its order, each given a mill word
MILL_WORDS = ["scribbler", "mill sums for the scribbler (fleece loads, carding rates, fulling charts)",
              "fleeceLoad", "cardingToMs", "fullBand", "cardingLabel", "teaselArea", "fullingChart", "mulePlan",
              "No mule planned", "unknown wool type", "merino", "cheviot", "shetland", "alpaca",
              "`carder ${w + 1}", "seed = 48618",
              "'wool', 'CARDER', 'slubbing', 'Mule', 'fleece', 'teasel', 'Jenny', 'cop', 'noil', 'FULLER', "
              "'bale',\n  'tenter', 'doffer', 'Scribbler', 'burler', 'shoddy'",
              "'Adah', 'Boaz', 'Cyrus', 'Delilah', 'Enoch', 'Fanny', 'Gad', 'Huldah', 'Ira', 'Jael', 'Keturah', "
              "'Levi'"]
assert len(MILL_WORDS) == len(m299.WAGGLE_NAMES)
MILL_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, MILL_WORDS)]


def milled(text: str) -> str:
    for old, new in MILL_NAMES:
        text = text.replace(old, new)
    return text


SC_BUGS = [(milled(rel), milled(old), milled(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "scribbler"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = milled(m290.FIXTURES)
    assert "48618" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "scribbler", "version": "4.8.6", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/mule-plan.js": milled(m290.APP), "lib/scribbler.js": milled(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SC_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-scribbler-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-scribbler", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide486-docs")}  # ninja-build's manual.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-rply", n_pytest,
          "cd muleroom && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-rply", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full muleroom/rply/parsergenerator.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-rply", n_blame, "cd muleroom-git && git blame -w -L 150,330 rply/parsergenerator.py"),
        B("oc-bash-git-show-rply-part", n_show, "cd muleroom-git && git show ':/^parsergenerator: part 9 '"),
        B("oc-bash-git-log-p-rply-reverse", n_log_p, "cd muleroom-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-fullerstock", n_make, "make -C fullerstock -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-teaselgig", n_cargo_test, "cd teaselgig && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-teaselgig", n_clippy, "cd teaselgig && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-slubbing", n_go_test,
          "cd slubbing && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-millfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column millfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM millfiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-millfiles", n_csv,
          "(head -n 1 millfiles.csv; tail -n +2 millfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-mule-carders", n_app_log, "grep -E 'mule [15]|jammed' carders.log | head -n 420"),
        B("oc-bash-eslint-scribbler", n_eslint, "cd scribbler && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-rply", "chain-test-exit", "test",
               [Part("cd muleroom", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test muleroom"))
    S.append(C("oc-bash-chain-mypy-strict-rply", "chain-lint", "lint",
               [Part("cd muleroom", None), Part(f"{MYPY} --pretty rply/lexer.py rply/lexergenerator.py rply/token.py 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check rply's lexer"))
    S.append(C("oc-bash-chain-git-status-diff-rply", "chain-git-status-diff", "git",
               [Part("cd muleroom-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-scribbler", "chain-test-exit", "test",
               [Part("cd scribbler", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test scribbler"))
    S.append(C("oc-bash-chain-tsc-scribbler", "chain-lint", "lint",
               [Part("cd scribbler", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check scribbler"))
    fw = "doc/ninja"
    O = [
        Spec("oc-grep-rply-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|lineno|colno", "path": "muleroom/rply", "include": "*.py"}),
        Spec("oc-grep-fullerstock-stock", "oc-grep", "search", "grep",
             {"pattern": r"stock_\w+\(|return ", "path": "fullerstock"}),
        Spec("oc-glob-fullerstock-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "fullerstock"}),
        Spec("oc-read-py-rply-parsergenerator", "oc-read-source", "code", "read",
             {"filePath": f"{root}/muleroom/rply/parsergenerator.py"}, "python"),
        Spec("oc-read-js-scribbler", "oc-read-source", "code", "read",
             {"filePath": f"{root}/scribbler/lib/scribbler.js"}, "js"),
        Spec("oc-webfetch-md-ninja-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/manual.html", "format": "markdown"}, source=f"{fw}/manual.html"),
        Spec("oc-webfetch-text-ninja-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/manual.html", "format": "text"}, source=f"{fw}/manual.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28486), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28486), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: ninja-build's manual.html."""
    d = Path(DOCS["doc"]) / "ninja"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/ninja-build/manual.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38486)
    try:
        run_round(tmp, f"cp -r {tmp}/muleroom muleroom && cp -r {tmp}/rply-git muleroom-git && "
                  f"cp -r {tmp}/fullerstock fullerstock && cp -r {tmp}/teaselgig teaselgig && "
                  f"cp -r {tmp}/slubbing slubbing && cp -a {tmp}/scribbler scribbler && "
                  f"cp {tmp}/data/millfiles.db {tmp}/data/millfiles.csv {tmp}/data/carders.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf fullerstock/build muleroom/.mypy_cache "
                  "muleroom/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history, rust, c_build, go, js_project, data, python,
                                                     opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide486", sys.modules["__main__"])
    main()
