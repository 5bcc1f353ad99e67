"""Capture round 529 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a smithy (anvils, swages, farriers): colorful 0.5.8 (its PyPI sdist)
with bugs put in (project bickiron) under its own test suite, ruff and mypy, and a chained traceback; a git history of
its utils.py, ansi.py and core.py; a C project (hardyhole) and a Rust crate (fullerset) from round 291's generators
imported and renamed; a Go module (farrierbench) from round 273's make_steps imported with this round's words; a
JavaScript project (anvilpile) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share files, ps aux, an application log, gappa's HTML pages on loopback; ONE headless OpenCode run over the same
material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's
"Round 529: no new rules"). The glue follows capture_wide522.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide529.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide529.json  as {"version": 2, "items": [...]}, ids prefixed "wide529-".
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

ID_PREFIX = "wide529-"
DEFAULT_OUT = HERE / "data" / "wide529.json"
TMP = Path("/dev/shm/hm-corpus-wide529")
SRC = Path("/dev/shm/hm-corpus-wide529-src")  # colorful-0.5.8.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide529-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide529-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 52910
SV = "colorful-0.5.8"
MOD = "colorful/utils.py"
MOD2 = "colorful/ansi.py"
MOD3 = "colorful/core.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Tubal Hammersmith", "tubal@example.org"), ("Jabez Ironside", "jabez@example.org"),
          ("Tubal Hammersmith", "tubal@example.org"), ("Peleg Swager", "peleg@example.org"),
          ("Ebenezer Clinch", "ebenezer@example.org")]
BUGS = [(MOD, "    if length not in (3, 6):\n", "    if length not in (6,):\n"),
        (MOD2, "    if (value - x) < 0.5:\n", "    if (value - x) <= 0.5:\n"),
        (MOD2, "    ansi_g = round(g / 255.0) << 1\n", "    ansi_g = round(g / 255.0) << 2\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from colorful import ansi, utils


class ShoeCheckError(Exception):
    pass


# the smithy's book: each farrier's shoe and the paint its anvil is marked with
BOOK = [("Tubal Hammersmith", "fore shoe 3", "#8a5a2b"), ("Jabez Ironside", "hind shoe 1", "#c0c0c0"),
        ("Peleg Swager", "bar shoe 2", "#c83"), ("Ebenezer Clinch", "hunter shoe 4", "#2f4f4f")]
print(f"smithy: {len(BOOK)} shoes; round(2.5) = {ansi.round(2.5)}, round(3.5) = {ansi.round(3.5)}")
for r, g, b in ((0, 255, 0), (255, 255, 0), (0, 0, 255)):
    print(f"  rgb({r}, {g}, {b}) -> ansi16 {ansi.rgb_to_ansi16(r, g, b)}, ansi256 {ansi.rgb_to_ansi256(r, g, b)}")


def check(farrier, shoe, paint):
    try:
        rgb = utils.hex_to_rgb(paint)
    except ValueError as exc:
        raise ShoeCheckError(f"shoe check: farrier {farrier!r} marked {shoe!r} with paint {paint!r}, which the "
                             f"anvil chart cannot read") from exc
    return rgb, ansi.rgb_to_ansi256(*rgb)


for farrier, shoe, paint in BOOK:
    print(farrier, "->", shoe, check(farrier, shoe, paint))
"""


def source(tmp: Path) -> None:
    """SRC/colorful-0.5.8.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "colorful-*.tar.gz", ["colorful==0.5.8"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} bickiron", cwd=tmp)
    cp = tmp / "bickiron"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-colorful-bickiron-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-colorful-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-colorful", f"{MYPY} colorful tests 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "shoe_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-shoe-check", "python3 shoe_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "colorful", SV, [MOD, MOD2, MOD3], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("short hex refused; round() takes halves down; ansi16 green bit shifted by 2\n")
    cap("git-log-p-colorful-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"horse {r.randint(1, 6)} shod on the {r.choice(['fore', 'hind'])} feet, {r.randint(6, 8)} "
                      f"nails each, shoe {r.randint(100, 160)} mm of {r.choice(['bar iron', 'mild steel', 'wrought iron'])}",
    "DEBUG": lambda r: f"anvil {r.choice(['horn', 'face', 'hardy'])} took {r.randint(20, 120)} blows from the "
                       f"{r.choice(['fuller', 'swage', 'flatter'])}, heat {r.randint(700, 1200)} C, quench {r.randint(1, 4)}",
    "WARNING": lambda r: f"horse {r.randint(1, 40)} shoe {r.randint(2, 12)} mm wide of the hoof, clinch {r.randint(1, 8)} "
                         f"loose on {r.choice(['near fore', 'off hind', 'near hind'])}, {r.randint(1, 6)} nails lifted",
    "ERROR": lambda r: f"shoe {r.randint(1, 8)} cracked at nail hole {r.randint(1, 8)}, {r.randint(1, 9)} "
                       f"mm {r.choice(['cold shut', 'burn', 'lap', 'slag seam'])} (anvil {r.randint(1, 60)})",
}
DIRS = ("/usr/share/bug", "/usr/share/awk", "/usr/share/aspell", "/usr/share/dpkg", "/usr/share/color")


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
    with open(d / "swagefiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 swagefiles.db '.mode csv' '.import swagefiles.csv swagefiles'", cwd=d)
    cap("ls-laR-bug-awk-aspell-dpkg-color", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "farriers.log", 52914, 1500, ["forge.anvils", "forge.swages", "forge.farriers",
                                                "forge.bellows"], LOG_MSGS, 5292, "2026-12-02")
    cap("app-log-farriers-tail-500", "tail -n 500 farriers.log", d, n_app_log)
    chain("chain-log-grep-error-farriers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' farriers.log | head -n 280", n_app_log),
           Part("grep -c ERROR farriers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/gappa/html && exec python3 -m http.server 18529 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-gappa-formalizing-head", "curl -s http://127.0.0.1:18529/formalizing.html | head -n 1400", d,
            n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "HARDYHOLE_H"), ("spoolgate", "hardyhole"), ("spool_t", "shoe_t"),
             ("spools", "shoes"), ("gate_t", "swage_t"), ("gate_weight", "swage_weight"),
             ("gate_find", "swage_find"), ("twist_permille", "temper_permille"), ("yarn_g", "iron_g"),
             ("fibre", "stock"), ("passes", "heats"), ("twist_count_", "temper_count_"), ("_lot", "_heat"),
             ('"lot ', '"heat '), ("gate", "swage"))
RS_RENAMES = (("tillerhorn", "fullerset"), ("0.7.3", "0.5.29"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Fuller sets: strokes from fuller bore, anvil load and a ranking of "
              "swage settings."),
              ("sweep_n", "stroke_n"), ("helm_load", "anvil_load"), ("bore_um", "fuller_um"),
              ("pintle_um", "bick_um"), ("horn_count", "fuller_count"), ("helm_", "anvil_"), ("helm ", "anvil "),
              ("sweep not on", "stroke not on"), ("rudder limit", "forge limit"), ("fits", "settings"),
              ("spare_", "worn_"))


def c_build(tmp: Path) -> None:
    root = tmp / "hardyhole"
    rnd = random.Random(52912)
    files = {"src/hardyhole.h": renamed(base.GATE_H, C_RENAMES), "src/swageframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/shoe_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hardyhole\n\n"
                         "hardyhole: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hardyhole.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hardyhole\n")
    write_tree(root, files)
    chain("chain-make-k-hardyhole-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-hardyhole-shoes", "gcc -Wall -Wextra -fsyntax-only -Isrc src/swageframe.c "
        "src/shoe_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build hardyhole", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "fullerset"
    rnd = random.Random(52913)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "fullerset-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-fullerset", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(fuller_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-fullerset-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "farrierbench"), ("casebook", "hoofbook"), ("ledger host", "forge host"),
              ("litres left, days", "shoes left, days"), ("nothing left to pour", "nothing left to shoe"),
              ("pour order", "shoeing order"), ("pour grade", "iron grade"), ("Keg", "Horse"), ("keg", "horse"),
              ("Beer", "Iron"), ("beer", "iron"), ("Cellar", "Forge"), ("cellar", "forge"),
              ("Pints", "Shoes"), ("pints", "shoes"))
IRONS = ["Wrought Iron", "Mild Steel", "Spring Steel", "Tool Steel", "Cast Iron", "Bar Iron", "Swedish Iron",
         "Crucible Steel", "Shear Steel", "Blister Steel", "Puddled Iron", "Bloomery Iron"]
GO_STEP = g273.make_steps(cap, "farrierbench", "hoofbook", 52911, IRONS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "farrierbench" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in smithy words: the words round 299's table replaces, in its order, each given a smithy word
FIELD_WORDS = ["anvilpile", "forge sums for the anvilpile (swage loads, heating rates, shoe charts)",
               "swageLoad", "heatToMs", "temperBand", "anvilLabel", "faceArea", "shoeChart", "shoeingPlan",
               "No shoeing planned", "unknown anvil type", "london", "peddinghaus", "mousehole", "fisher",
               "`farrier ${w + 1}", "seed = 52918",
               "'iron', 'SWAGE', 'fuller', 'Hardy', 'bick', 'horn', 'Tongs', 'punch', 'drift', 'FORGE', "
               "'flatter',\n  'clinch', 'rasp', 'Smith', 'tuyere', 'bellows'",
               "'Azariah', 'Bathsheba', 'Cyrus', 'Damaris', 'Ezra', 'Fidelia', 'Gilead', 'Hephzibah', 'Ishmael', "
               "'Jemima', 'Lazarus', 'Micah'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


AP_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "anvilpile"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "52918" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "anvilpile", "version": "5.2.9", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/shoeing-plan.js": fielded(m290.APP), "lib/anvilpile.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", AP_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-anvilpile-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-anvilpile", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide529-docs")}  # gappa's tools.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-colorful", n_pytest,
          "cd bickiron && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-colorful", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full bickiron/colorful 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-colorful-ansi", n_blame, "cd bickiron-git && git blame -w colorful/ansi.py"),
        B("oc-bash-git-show-colorful-core-part", n_show, "cd bickiron-git && git show ':/^core: part 3 '"),
        B("oc-bash-git-log-p-colorful-reverse", n_log_p, "cd bickiron-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-hardyhole", n_make, "make -C hardyhole -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-fullerset", n_cargo_test, "cd fullerset && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-fullerset", n_clippy, "cd fullerset && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-farrierbench", n_go_test,
          "cd farrierbench && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-swagefiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column swagefiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM swagefiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-swagefiles", n_csv,
          "(head -n 1 swagefiles.csv; tail -n +2 swagefiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-horse-farriers", n_app_log, "grep -E 'horse [37] |cracked at nail' farriers.log | head -n 420"),
        B("oc-bash-eslint-anvilpile", n_eslint, "cd anvilpile && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-colorful", "chain-test-exit", "test",
               [Part("cd bickiron", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test bickiron"))
    S.append(C("oc-bash-chain-mypy-strict-colorful", "chain-lint", "lint",
               [Part("cd bickiron", None), Part(f"{MYPY} --pretty colorful 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check colorful"))
    S.append(C("oc-bash-chain-git-status-diff-colorful", "chain-git-status-diff", "git",
               [Part("cd bickiron-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-anvilpile", "chain-test-exit", "test",
               [Part("cd anvilpile", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test anvilpile"))
    S.append(C("oc-bash-chain-tsc-anvilpile", "chain-lint", "lint",
               [Part("cd anvilpile", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check anvilpile"))
    fw = "doc/gappa"
    O = [
        Spec("oc-grep-colorful-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|ColorfulString\b|ansi_g", "path": "bickiron", "include": "*.py"}),
        Spec("oc-grep-hardyhole-swage", "oc-grep", "search", "grep",
             {"pattern": r"swage_\w+\(|return ", "path": "hardyhole"}),
        Spec("oc-glob-hardyhole-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "hardyhole"}),
        Spec("oc-read-py-colorful-core", "oc-read-source", "code", "read",
             {"filePath": f"{root}/bickiron/colorful/core.py"}, "python"),
        Spec("oc-read-js-anvilpile", "oc-read-source", "code", "read",
             {"filePath": f"{root}/anvilpile/lib/anvilpile.js"}, "js"),
        Spec("oc-webfetch-md-gappa-tools", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/tools.html", "format": "markdown"}, source=f"{fw}/tools.html"),
        Spec("oc-webfetch-text-gappa-tools", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/tools.html", "format": "text"}, source=f"{fw}/tools.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28529), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28529), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: gappa's tools.html."""
    d = Path(DOCS["doc"]) / "gappa"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/gappa/html/tools.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38529)
    try:
        run_round(tmp, f"cp -r {tmp}/bickiron bickiron && cp -r {tmp}/colorful-git bickiron-git && "
                  f"cp -r {tmp}/hardyhole hardyhole && cp -r {tmp}/fullerset fullerset && "
                  f"cp -r {tmp}/farrierbench farrierbench && cp -a {tmp}/anvilpile anvilpile && "
                  f"cp {tmp}/data/swagefiles.db {tmp}/data/swagefiles.csv {tmp}/data/farriers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf hardyhole/build bickiron/.mypy_cache "
                  "bickiron/.ruff_cache",
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
    sys.modules.setdefault("capture_wide529", sys.modules["__main__"])
    main()
