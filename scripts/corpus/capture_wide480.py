"""Capture round 480 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a ropewalk's tar house (kettles, yarns, spinners): Debian's crcmod 1.7
with bugs put in (project yarnkettle) under a pytest file of the round's own, ruff and mypy, and a chained traceback; a
git history of its crcmod.py; a C project (yarnspinner) and a Rust crate (tarpitch) from round 291's generators
imported and renamed; a Go module (yarnlot) from round 273's make_steps imported with this round's words; a JavaScript
project (spinnerwheel) from round 290's module and generator imported and renamed; CSV/sqlite tables of /usr/share
files, ps aux, an application log, ccache's HTML pages on loopback; ONE headless OpenCode run over the same material
(its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round
480: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide480.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide480.json  as {"version": 2, "items": [...]}, ids prefixed "wide480-".
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

ID_PREFIX = "wide480-"
DEFAULT_OUT = HERE / "data" / "wide480.json"
TMP = Path("/dev/shm/hm-corpus-wide480")
SRC = Path("/dev/shm/hm-corpus-wide480-src")  # crcmod-1.7.tar.gz made from Debian's python3-crcmod
VENV = Path("/dev/shm/hm-corpus-wide480-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide480-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 48010
SV = "crcmod-1.7"
MOD = "crcmod/crcmod.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Ann Kettleman", "ann@example.org"), ("Jos Spinner", "jos@example.org"),
          ("Ann Kettleman", "ann@example.org"), ("Reuben Tarboy", "reuben@example.org"),
          ("Mary Hatchel", "mary@example.org")]
BUGS = [(MOD, "    mask = 1<<(n-1)\n", "    mask = 1<<n\n"),
        (MOD, "    xorOut = xorOut & mask\n", "    xorOut = xorOut & (mask >> 1)\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

TESTS = r"""import crcmod
import crcmod.predefined
from crcmod.crcmod import _bitrev, _verifyPoly

import pytest

YARN = b"123456789"


def test_bitrev_of_spinner_byte():
    assert _bitrev(0x01, 8) == 0x80
    assert _bitrev(0xA0, 8) == 0x05


def test_verify_poly_sizes():
    assert _verifyPoly(0x107) == 8
    assert _verifyPoly(0x104C11DB7) == 32


def test_verify_poly_refuses_short_kettle_poly():
    with pytest.raises(ValueError):
        _verifyPoly(0x7)


@pytest.mark.parametrize("name,check", [("crc-8", 0xF4), ("crc-16", 0xBB3D), ("xmodem", 0x31C3),
                                        ("crc-ccitt-false", 0x29B1), ("kermit", 0x2189), ("modbus", 0x4B37),
                                        ("crc-32", 0xCBF43926), ("crc-32-mpeg", 0x0376E6E7),
                                        ("posix", 0x765E7680), ("crc-32c", 0xE3069283)])
def test_predefined_check_of_yarn_lot(name, check):
    assert crcmod.predefined.mkPredefinedCrcFun(name)(YARN) == check


def test_crc_object_hexdigest_of_tar_kettle():
    crc = crcmod.predefined.PredefinedCrc("crc-16")
    crc.update(b"12345")
    copy = crc.copy()
    copy.update(b"6789")
    assert copy.hexdigest() == "BB3D"


def test_mkcrcfun_xor_out_of_spinner_rota():
    fun = crcmod.mkCrcFun(0x11021, initCrc=0xFFFF, rev=False, xorOut=0xFFFF)
    assert fun(YARN) == 0xD64E


def test_new_keeps_reverse_flag():
    crc = crcmod.Crc(0x18005, rev=False)
    assert crc.new().reverse is False
"""

SCRIPT = r"""import binascii

import crcmod.predefined


class KettleCheckError(Exception):
    pass


LOTS = {binascii.crc_hqx(label.encode(), 0): label for label in
        ("kettle 1 hemp yarn lot 18", "kettle 2 manila yarn lot 7", "kettle 3 sisal yarn lot 22")}
ROTA = [{"kettle": 1, "spinner": "Jos", "fathoms": 120, "label": "kettle 1 hemp yarn lot 18"},
        {"kettle": 2, "spinner": "Ann", "fathoms": 90, "label": "kettle 2 manila yarn lot 7"},
        {"kettle": 3, "spinner": "Reuben", "fathoms": 140, "label": "kettle 3 sisal yarn lot 22"}]
CRC32 = crcmod.predefined.mkPredefinedCrcFun("crc-32")
XMODEM = crcmod.predefined.mkPredefinedCrcFun("xmodem")


def yarn_lot(entry):
    try:
        return LOTS[XMODEM(entry["label"].encode())]
    except KeyError as exc:
        raise KettleCheckError(f"kettle check: kettle {entry['kettle']} ({entry['spinner']}, {entry['fathoms']} "
                               f"fathoms) has no yarn lot for label {entry['label']!r}") from exc


for entry in ROTA:
    print("kettle", entry["kettle"], "tar seal", hex(CRC32(entry["label"].encode())))
for entry in ROTA:
    print("kettle", entry["kettle"], entry["fathoms"], "fathoms, yarn lot:", yarn_lot(entry))
"""


def source(tmp: Path) -> None:
    """SRC/crcmod-1.7.tar.gz from Debian's python3-crcmod package directory (the round's "sdist"), the round's venv
    and npm project."""
    run(f"rm -rf {SRC} && mkdir -p {SRC}/{SV} && cd {SRC} && cp -r /usr/lib/python3/dist-packages/crcmod "
        f"/usr/lib/python3/dist-packages/crcmod-1.7.egg-info {SV}/ && "
        f"find {SV} -name __pycache__ -prune -exec rm -rf {{}} + && "
        f"printf 'crcmod 1.7 as Debian ships it\\n' > {SV}/README && tar -czf {SV}.tar.gz {SV} && rm -r {SV}",
        cwd=SRC.parent)
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} yarnkettle", cwd=tmp)
    cp = tmp / "yarnkettle"
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_yarnkettle.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-crcmod-yarnkettle-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-crcmod-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-crcmod", f"{MYPY} crcmod 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "kettle_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-kettle-check", "python3 kettle_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "crcmod", SV, [MOD], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("_bytecrc tests bit n; xorOut loses its top bit\n")
    cap("git-log-p-crcmod-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"kettle {r.randint(1, 4)} charged, {r.randint(20, 90)} gal stockholm tar at "
                      f"{r.randint(180, 240)} F, yarns drawn {r.randint(8, 60)}, spinner gang {r.randint(1, 9)}",
    "DEBUG": lambda r: f"spinner wheel {r.choice(['upper', 'lower', 'tarhouse'])} at {r.randint(30, 120)} rpm, "
                       f"hook load {r.randint(2, 40)} lb, twist {r.randint(8, 30)} per ft",
    "WARNING": lambda r: f"yarn lot {r.randint(1, 60)} tarred {r.randint(12, 30)} % heavy at kettle {r.randint(1, 4)}, "
                         f"{r.choice(['hemp', 'manila', 'sisal'])} yarns {r.randint(2, 14)} fathoms short",
    "ERROR": lambda r: f"tar kettle {r.randint(1, 4)} boiled over at {r.randint(250, 320)} F, yarn lot "
                       f"{r.randint(1, 60)} scorched ({r.choice(['hemp', 'manila', 'sisal', 'coir'])}, "
                       f"{r.randint(40, 300)} fathoms)",
}
DIRS = ("/usr/share/avra", "/usr/share/color", "/usr/share/awk", "/usr/share/distro-info", "/usr/share/dns",
        "/usr/share/chrony")


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
    with open(d / "ropefiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 ropefiles.db '.mode csv' '.import ropefiles.csv ropefiles'", cwd=d)
    cap("ls-laR-avra-color-awk-dns", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "kettlemen.log", 48014, 1500, ["tarhouse.kettle", "tarhouse.spinners", "tarhouse.yarns",
                                                "tarhouse.walk"], LOG_MSGS, 4880, "2026-10-12")
    cap("app-log-kettlemen-tail-500", "tail -n 500 kettlemen.log", d, n_app_log)
    chain("chain-log-grep-error-kettlemen", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' kettlemen.log | head -n 280", n_app_log),
           Part("grep -c ERROR kettlemen.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/ccache && exec python3 -m http.server 18480 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-ccache-manual-head", "curl -s http://127.0.0.1:18480/manual.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "YARNSPINNER_H"), ("spoolgate", "yarnspinner"), ("spool_t", "yarn_t"),
             ("spools", "yarns"), ("gate_t", "wheel_t"), ("gate_weight", "wheel_twist"),
             ("gate_find", "wheel_find"), ("twist_permille", "tar_permille"), ("yarn_g", "hemp_g"),
             ("fibre", "hemp"), ("passes", "turns"), ("twist_count_", "tar_count_"), ("_lot", "_kettle"),
             ('"lot ', '"kettle '), ("gate", "wheel"))
RS_RENAMES = (("tillerhorn", "tarpitch"), ("0.7.3", "0.4.80"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Tar pitch: boil from kettle bore, yarn load and a ranking of "
              "tarred yarns."),
              ("sweep_n", "boil_n"), ("helm_load", "yarn_load"), ("bore_um", "kettle_um"),
              ("pintle_um", "spout_um"), ("horn_count", "yarn_count"), ("helm_", "yarn_"), ("helm ", "yarn "),
              ("sweep not on", "boil not on"), ("rudder limit", "kettle limit"), ("fits", "yarns"),
              ("spare_", "tarred_"))


def c_build(tmp: Path) -> None:
    root = tmp / "yarnspinner"
    rnd = random.Random(48012)
    files = {"src/yarnspinner.h": renamed(base.GATE_H, C_RENAMES), "src/wheel.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/spinning_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: yarnspinner\n\n"
                         "yarnspinner: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/yarnspinner.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build yarnspinner\n")
    write_tree(root, files)
    chain("chain-make-k-yarnspinner-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-yarnspinner-spinning", "gcc -Wall -Wextra -fsyntax-only -Isrc src/wheel.c "
        "src/spinning_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build yarnspinner", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "tarpitch"
    rnd = random.Random(48013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "tarpitch-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-tarpitch", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(yarn_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-tarpitch-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "yarnlot"), ("casebook", "ropebook"), ("ledger host", "walk host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to spin"),
              ("pour order", "spinning order"), ("pour grade", "yarn grade"), ("Keg", "Yarn"), ("keg", "yarn"),
              ("Beer", "Hemp"), ("beer", "hemp"), ("Cellar", "Tarhouse"), ("cellar", "tarhouse"),
              ("Pints", "Fathoms"), ("pints", "fathoms"))
FIBRES = ["Riga Rein", "Petersburg Clean", "Italian Bologna", "Manila Abaca", "Sisal Agave", "Coir Ceylon",
          "Kentucky Hemp", "Archangel Hemp", "Polish Pass", "Bombay Jute", "Russian Outshot", "Kurrachee"]
GO_STEP = g273.make_steps(cap, "yarnlot", "ropebook", 48011, FIBRES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "yarnlot" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in ropewalk words: the words round 299's table replaces, in its order, each given a ropewalk word
ROPE_WORDS = ["spinnerwheel", "tar-house sums for the spinnerwheel (yarn loads, kettle rates, tarring charts)",
              "yarnLoad", "kettleToMs", "tarBand", "kettleLabel", "hookArea", "tarringChart", "spinningPlan",
              "No spinning planned", "unknown yarn type", "hemp", "manila", "sisal", "coir",
              "`spinner ${w + 1}", "seed = 48018",
              "'yarn', 'KETTLE', 'hatchel', 'Spinner', 'tar', 'hook', 'Whirl', 'strand', 'twist', 'PITCH', "
              "'fathom',\n  'walk', 'jack', 'Ropery', 'heckle', 'reel'",
              "'Abel', 'Bathsheba', 'Caleb', 'Dorcas', 'Ephraim', 'Faith', 'Gideon', 'Hepzibah', 'Isaac', "
              "'Jemima', 'Kezia', 'Lemuel'"]
assert len(ROPE_WORDS) == len(m299.WAGGLE_NAMES)
ROPE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, ROPE_WORDS)]


def roped(text: str) -> str:
    for old, new in ROPE_NAMES:
        text = text.replace(old, new)
    return text


SW_BUGS = [(roped(rel), roped(old), roped(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "spinnerwheel"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = roped(m290.FIXTURES)
    assert "48018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "spinnerwheel", "version": "4.8.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/spinning-plan.js": roped(m290.APP), "lib/spinnerwheel.js": roped(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SW_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-spinnerwheel-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-spinnerwheel", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide480-docs")}  # ccache's manual.html, its changelog.html gunzipped


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-crcmod", n_pytest,
          "cd yarnkettle && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-crcmod", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full yarnkettle/crcmod/crcmod.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-crcmod", n_blame, f"cd yarnkettle-git && git blame -w -L 290,420 {MOD}"),
        B("oc-bash-git-show-crcmod-part", n_show, "cd yarnkettle-git && git show ':/^crcmod: part 8 '"),
        B("oc-bash-git-log-p-crcmod-reverse", n_log_p, "cd yarnkettle-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-yarnspinner", n_make, "make -C yarnspinner -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-tarpitch", n_cargo_test, "cd tarpitch && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-tarpitch", n_clippy, "cd tarpitch && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-yarnlot", n_go_test,
          "cd yarnlot && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-ropefiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column ropefiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM ropefiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-ropefiles", n_csv,
          "(head -n 1 ropefiles.csv; tail -n +2 ropefiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-kettle-kettlemen", n_app_log, "grep -E 'kettle [13]|scorched' kettlemen.log | head -n 420"),
        B("oc-bash-eslint-spinnerwheel", n_eslint, "cd spinnerwheel && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-crcmod", "chain-test-exit", "test",
               [Part("cd yarnkettle", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test yarnkettle"))
    S.append(C("oc-bash-chain-mypy-strict-crcmod", "chain-lint", "lint",
               [Part("cd yarnkettle", None), Part(f"{MYPY} --pretty crcmod/predefined.py crcmod/_crcfunpy.py 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check crcmod"))
    S.append(C("oc-bash-chain-git-status-diff-crcmod", "chain-git-status-diff", "git",
               [Part("cd yarnkettle-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-spinnerwheel", "chain-test-exit", "test",
               [Part("cd spinnerwheel", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test spinnerwheel"))
    S.append(C("oc-bash-chain-tsc-spinnerwheel", "chain-lint", "lint",
               [Part("cd spinnerwheel", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check spinnerwheel"))
    fw = "doc/ccache"
    O = [
        Spec("oc-grep-crcmod-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|mask", "path": "yarnkettle/crcmod", "include": "*.py"}),
        Spec("oc-grep-yarnspinner-wheel", "oc-grep", "search", "grep",
             {"pattern": r"wheel_\w+\(|return ", "path": "yarnspinner"}),
        Spec("oc-glob-yarnspinner-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "yarnspinner"}),
        Spec("oc-read-py-crcmod-predefined", "oc-read-source", "code", "read",
             {"filePath": f"{root}/yarnkettle/crcmod/predefined.py"}, "python"),
        Spec("oc-read-js-spinnerwheel", "oc-read-source", "code", "read",
             {"filePath": f"{root}/spinnerwheel/lib/spinnerwheel.js"}, "js"),
        Spec("oc-webfetch-md-ccache-changelog", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/changelog.html", "format": "markdown"}, source=f"{fw}/changelog.html"),
        Spec("oc-webfetch-text-ccache-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/manual.html", "format": "text"}, source=f"{fw}/manual.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28480), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28480), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The pages OpenCode's webfetch reads: ccache's manual.html and its changelog.html (gunzipped)."""
    d = Path(DOCS["doc"]) / "ccache"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/ccache/manual.html {d}/ && "
        f"zcat /usr/share/doc/ccache/changelog.html.gz > {d}/changelog.html")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38480)
    try:
        run_round(tmp, f"cp -r {tmp}/yarnkettle yarnkettle && cp -r {tmp}/crcmod-git yarnkettle-git && "
                  f"cp -r {tmp}/yarnspinner yarnspinner && cp -r {tmp}/tarpitch tarpitch && "
                  f"cp -r {tmp}/yarnlot yarnlot && cp -a {tmp}/spinnerwheel spinnerwheel && "
                  f"cp {tmp}/data/ropefiles.db {tmp}/data/ropefiles.csv {tmp}/data/kettlemen.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf yarnspinner/build yarnkettle/.mypy_cache "
                  "yarnkettle/.ruff_cache",
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
    sys.modules.setdefault("capture_wide480", sys.modules["__main__"])
    main()
