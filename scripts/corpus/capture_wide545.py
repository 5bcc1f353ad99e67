"""Capture round 545 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a tithe barn (threshing floors, flails, reeves): netaddr 1.3.0 (its PyPI
sdist) with bugs put in (project tithebarn) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its ip/__init__.py and strategy/ipv4.py; a C project (flailwork) and a Rust crate (threshfloor) from round
291's generators imported and renamed; a Go module (sheafyard) from round 273's make_steps imported with this round's
words; a JavaScript project (reevesheet) from round 290's module and generator imported and renamed; CSV/sqlite tables
of /usr/share files, ps aux, an application log, node's tty.html API page on loopback; ONE headless OpenCode run over
the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 545: no new rules"). The glue follows capture_wide539.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide545.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide545.json  as {"version": 2, "items": [...]}, ids prefixed "wide545-".
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

ID_PREFIX = "wide545-"
DEFAULT_OUT = HERE / "data" / "wide545.json"
TMP = Path("/dev/shm/hm-corpus-wide545")
SRC = Path("/dev/shm/hm-corpus-wide545-src")  # netaddr-1.3.0.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide545-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide545-js")  # the round's own npm project: eslint, @eslint/js, typescript
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

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 54510
SV = "netaddr-1.3.0"
MOD = "netaddr/ip/__init__.py"
MOD2 = "netaddr/strategy/ipv4.py"
PG = "README.rst"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Ezekiel Reeve", "ezekiel@example.org"), ("Mercy Thresher", "mercy@example.org"),
          ("Ezekiel Reeve", "ezekiel@example.org"), ("Silas Flailman", "silas@example.org"),
          ("Prudence Granger", "prudence@example.org")]
BUGS = [(MOD, "        if (self._module.width - self._prefixlen) <= 1:\n",
         "        if (self._module.width - self._prefixlen) <= 2:\n"),
        (MOD, "        return int(self.last - self.first + 1)\n", "        return int(self.last - self.first)\n"),
        (MOD, "        hostmask = (1 << (self._module.width - self._prefixlen)) - 1\n"
              "        return IPAddress(hostmask, self._module.version)\n",
         "        hostmask = (1 << (self._module.width - self._prefixlen - 1)) - 1\n"
         "        return IPAddress(hostmask, self._module.version)\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from netaddr import IPNetwork


class TitheCountError(Exception):
    pass


# the reeves' tithe tally: each parish's granary given a block of the barn's address plan
PARISHES = [("Ezekiel Reeve", "Great Wold", "10.54.0.0/24"), ("Mercy Thresher", "Nether Stook", "10.54.1.0/26"),
            ("Silas Flailman", "Chaff End", "10.54.1.64/30"), ("Prudence Granger", "Winnow Green", "10.54.2.0/28")]


def expected(net):
    return 2 ** (32 - net.prefixlen)


def tally(reeve, parish, cidr):
    net = IPNetwork(cidr)
    try:
        if net.size != expected(net):
            raise ValueError(f"{cidr}: size {net.size} but a /{net.prefixlen} holds {expected(net)}")
        return net.size, net.hostmask, net.broadcast
    except ValueError as exc:
        raise TitheCountError(f"tithe tally: reeve {reeve!r}'s parish {parish} ({cidr}) miscounts its sheaves "
                              f"(hostmask {net.hostmask}, broadcast {net.broadcast})") from exc


print(f"tithe barn: {len(PARISHES)} parishes")
for reeve, parish, cidr in PARISHES:
    print(reeve, "->", parish, tally(reeve, parish, cidr))
"""


def source(tmp: Path) -> None:
    """SRC/netaddr-1.3.0.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "netaddr-*.tar.gz", ["netaddr==1.3.0"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} tithebarn", cwd=tmp)
    cp = tmp / "tithebarn"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-netaddr-tithebarn-ip-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "netaddr/tests/ip", cp, n_pytest, env=env, timeout=300)
    chain("chain-netaddr-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long netaddr/tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-netaddr", f"{MYPY} netaddr 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "sheaf_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-sheaf-check", "python3 sheaf_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "netaddr", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("broadcast none for /30; size one short; hostmask one bit short\n")
    cap("git-log-p-netaddr-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"floor {r.randint(1, 6)} threshed for {r.choice(['Great Wold', 'Nether Stook', 'Winnow Green'])}, "
                      f"{r.randint(2, 40)} sheaves flailed, {r.randint(1, 9)} bushels {r.randint(0, 3)} pecks to bay {r.randint(1, 30)}",
    "DEBUG": lambda r: f"reeve {r.choice(['north', 'south', 'glebe'])} tallied {r.randint(20, 120)} stooks of "
                       f"{r.choice(['wheat', 'barley', 'oats'])}, stick {r.randint(100, 999)}, notch {r.randint(1, 4)}",
    "WARNING": lambda r: f"cart {r.randint(1, 40)} brought {r.randint(3, 9)} sheaves short, damp {r.randint(2, 12)} per cent "
                         f"from {r.choice(['Chaff End', 'Mill Lane', 'Glebe Field'])}, {r.randint(1, 6)} tenths owed",
    "ERROR": lambda r: f"flail {r.randint(1, 8)} broke on floor {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['sheaves', 'stooks', 'bushels', 'tithes'])} untallied (stick {r.randint(1, 60)})",
}
DIRS = ("/usr/share/odoc", "/usr/share/ruby-unicode-display-width", "/usr/share/ssl-cert", "/usr/share/php8.2-common",
        "/usr/share/php8.2-opcache", "/usr/share/php8.2-readline", "/usr/share/php8.2-xml", "/usr/share/php8.2-mbstring",
        "/usr/share/openssh", "/usr/share/numpy3")


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
    with open(d / "sheaves.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 sheaves.db '.mode csv' '.import sheaves.csv sheaves'", cwd=d)
    cap("ls-laR-odoc-ssl-cert-php-openssh", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "reeves.log", 54514, 1500, ["barn.floors", "barn.flails", "barn.reeves",
                                             "barn.tithes"], LOG_MSGS, 5451, "2026-12-03")
    cap("app-log-reeves-tail-500", "tail -n 500 reeves.log", d, n_app_log)
    chain("chain-log-grep-error-reeves", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' reeves.log | head -n 280", n_app_log),
           Part("grep -c ERROR reeves.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18545 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-node-tty-head", "curl -s http://127.0.0.1:18545/tty.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "FLAILWORK_H"), ("spoolgate", "flailwork"), ("spool_t", "flail_t"),
             ("spools", "flails"), ("gate_t", "floor_t"), ("gate_weight", "floor_weight"),
             ("gate_find", "floor_find"), ("twist_permille", "chaff_permille"), ("yarn_g", "grain_g"),
             ("fibre", "straw"), ("passes", "strokes"), ("twist_count_", "sheaf_count_"), ("_lot", "_stook"),
             ('"lot ', '"stook '), ("gate", "floor"))
RS_RENAMES = (("tillerhorn", "threshfloor"), ("0.7.3", "0.5.45"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Threshing floors: yield from flail weight, sheaf load and a "
              "ranking of tithe shares."),
              ("sweep_n", "yield_n"), ("helm_load", "sheaf_load"), ("bore_um", "flail_um"),
              ("pintle_um", "swingle_um"), ("horn_count", "stook_count"), ("helm_", "sheaf_"), ("helm ", "sheaf "),
              ("sweep not on", "yield not on"), ("rudder limit", "tithe limit"), ("fits", "shares"),
              ("spare_", "gleaned_"))


def c_build(tmp: Path) -> None:
    root = tmp / "flailwork"
    rnd = random.Random(54512)
    files = {"src/flailwork.h": renamed(base.GATE_H, C_RENAMES), "src/flailframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/flail_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: flailwork\n\n"
                         "flailwork: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/flailwork.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build flailwork\n")
    write_tree(root, files)
    chain("chain-make-k-flailwork-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-flailwork-flails", "gcc -Wall -Wextra -fsyntax-only -Isrc src/flailframe.c "
        "src/flail_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build flailwork", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "threshfloor"
    rnd = random.Random(54513)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "threshfloor-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-threshfloor", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(stook_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-threshfloor-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "sheafyard"), ("casebook", "sheafbook"), ("ledger host", "tally host"),
              ("litres left, days", "bushels left, days"), ("nothing left to pour", "nothing left to thresh"),
              ("pour order", "threshing order"), ("pour grade", "grain grade"), ("Keg", "Sheaf"), ("keg", "sheaf"),
              ("Beer", "Grain"), ("beer", "grain"), ("Cellar", "Granary"), ("cellar", "granary"),
              ("Pints", "Bushels"), ("pints", "bushels"))
FIELDS = ["Great Wold", "Nether Stook", "Chaff End", "Winnow Green", "Glebe Field", "Mill Lane",
          "Long Furlong", "Barn Close", "Tithe Acre", "Reeve's Piece", "Flail Hill", "Sheaf Meadow"]
GO_STEP = g273.make_steps(cap, "sheafyard", "sheafbook", 54511, FIELDS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "sheafyard" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in tithe-barn words: the words round 299's table replaces, in its order, each given a barn word
FIELD_WORDS = ["reevesheet", "tithe sums for the reevesheet (sheaf loads, flail rates, floor charts)",
               "sheafLoad", "flailToMs", "chaffBand", "floorLabel", "stookArea", "floorChart", "threshPlan",
               "No threshing planned", "unknown grain type", "wheat", "barley", "oats", "rye",
               "`reeve ${w + 1}", "seed = 54518",
               "'sheaf', 'FLAIL', 'swingle', 'Reeve', 'stook', 'chaff', 'Granary', 'bushel', 'tally', 'TITHE', "
               "'glebe',\n  'winnower', 'garner', 'Steward', 'sickle', 'bay'",
               "'Ezekiel', 'Mercy', 'Silas', 'Prudence', 'Absalom', 'Keziah', 'Obed', 'Tamsin', 'Reuben', "
               "'Zillah', 'Amos', 'Dorcas'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


SB_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "reevesheet"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "54518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "reevesheet", "version": "5.4.5", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/thresh-plan.js": fielded(m290.APP), "lib/reevesheet.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-reevesheet-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-reevesheet", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide545-docs")}  # node's punycode.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-netaddr", n_pytest,
          "cd tithebarn && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v netaddr/tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-netaddr-ip", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full tithebarn/netaddr/ip 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-netaddr-ipv4", n_blame, "cd tithebarn-git && git blame -w netaddr/strategy/ipv4.py"),
        B("oc-bash-git-show-netaddr-ip-init-part", n_show, "cd tithebarn-git && git show ':/^__init__: part 3 '"),
        B("oc-bash-git-log-p-netaddr-reverse", n_log_p, "cd tithebarn-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-flailwork", n_make, "make -C flailwork -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-threshfloor", n_cargo_test, "cd threshfloor && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-threshfloor", n_clippy, "cd threshfloor && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-sheafyard", n_go_test,
          "cd sheafyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-sheaves-by-kind", n_sqlite_col,
          "sqlite3 -header -column sheaves.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM sheaves ORDER BY kind, path\""),
        B("oc-bash-csv-sort-sheaves", n_csv,
          "(head -n 1 sheaves.csv; tail -n +2 sheaves.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-floor-reeves", n_app_log, "grep -E 'floor [37] |flail [0-9] broke' reeves.log | head -n 420"),
        B("oc-bash-eslint-reevesheet", n_eslint, "cd reevesheet && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-netaddr", "chain-test-exit", "test",
               [Part("cd tithebarn", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "netaddr/tests/ip", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test tithebarn"))
    S.append(C("oc-bash-chain-mypy-strict-netaddr", "chain-lint", "lint",
               [Part("cd tithebarn", None), Part(f"{MYPY} --pretty netaddr 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check netaddr"))
    S.append(C("oc-bash-chain-git-status-diff-netaddr", "chain-git-status-diff", "git",
               [Part("cd tithebarn-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-reevesheet", "chain-test-exit", "test",
               [Part("cd reevesheet", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test reevesheet"))
    S.append(C("oc-bash-chain-tsc-reevesheet", "chain-lint", "lint",
               [Part("cd reevesheet", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check reevesheet"))
    fw = "doc/nodejs"
    O = [
        Spec("oc-grep-netaddr-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+Error|_prefixlen\b|hostmask =", "path": "tithebarn/netaddr/ip", "include": "*.py"}),
        Spec("oc-grep-flailwork-flail", "oc-grep", "search", "grep",
             {"pattern": r"flail_\w+\(|return ", "path": "flailwork"}),
        Spec("oc-glob-flailwork-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "flailwork"}),
        Spec("oc-read-py-netaddr-ipv4-strategy", "oc-read-source", "code", "read",
             {"filePath": f"{root}/tithebarn/netaddr/strategy/ipv4.py"}, "python"),
        Spec("oc-read-js-reevesheet", "oc-read-source", "code", "read",
             {"filePath": f"{root}/reevesheet/lib/reevesheet.js"}, "js"),
        Spec("oc-webfetch-md-node-punycode", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/punycode.html", "format": "markdown"}, source=f"{fw}/punycode.html"),
        Spec("oc-webfetch-text-node-punycode", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/punycode.html", "format": "text"}, source=f"{fw}/punycode.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28545), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28545), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: node's punycode.html."""
    d = Path(DOCS["doc"]) / "nodejs"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/nodejs/api/punycode.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38545)
    try:
        run_round(tmp, f"cp -r {tmp}/tithebarn tithebarn && cp -r {tmp}/netaddr-git tithebarn-git && "
                  f"cp -r {tmp}/flailwork flailwork && cp -r {tmp}/threshfloor threshfloor && "
                  f"cp -r {tmp}/sheafyard sheafyard && cp -a {tmp}/reevesheet reevesheet && "
                  f"cp {tmp}/data/sheaves.db {tmp}/data/sheaves.csv {tmp}/data/reeves.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf flailwork/build tithebarn/.mypy_cache "
                  "tithebarn/.ruff_cache",
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
    sys.modules.setdefault("capture_wide545", sys.modules["__main__"])
    main()
