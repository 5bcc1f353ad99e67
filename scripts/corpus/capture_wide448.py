"""Capture round 448 of the compression corpus (issue #11's kinds, no new rules), with names from a rope bridge
(anchors, planks, handlines, stays): Debian's appdirs 1.4.4 with bugs put in under a pytest file of the round's own and a
chained traceback, a git history of its source, a C project (anchord) and a Rust crate (plankline) from round 291's
generators imported and renamed, CSV/sqlite tables of /usr/share files, ps aux, an application log, bc's HTML manual
on loopback. Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 448: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide448.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide448.json  as {"version": 2, "items": [...]}, ids prefixed "wide448-".
"""

from __future__ import annotations

import csv
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

ID_PREFIX = "wide448-"
DEFAULT_OUT = HERE / "data" / "wide448.json"
TMP = Path("/dev/shm/hm-corpus-wide448")
SRC = Path("/dev/shm/hm-corpus-wide448-src")  # appdirs-1.4.4.tar.gz made from /usr/lib/python3/dist-packages/appdirs.py
w9b.TMP = TMP
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide291_native as base  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide11_files import n_html  # noqa: E402
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_pytest  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402

SEED = 44810
SV = "appdirs-1.4.4"
MOD = "appdirs.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Ada Anchor", "ada@example.org"), ("Piet Plank", "piet@example.org"), ("Ada Anchor", "ada@example.org"),
          ("Hana Handline", "hana@example.org"), ("Sven Stay", "sven@example.org")]
BUGS = [(MOD, 'os.path.expanduser("~/.local/share")', 'os.path.expanduser("~/.local/shared")'),
        (MOD, "os.getenv('XDG_CACHE_HOME', os.path.expanduser('~/.cache'))",
         "os.getenv('XDG_CACHE_DIR', os.path.expanduser('~/.cache'))")]

TESTS = r'''import os

import pytest

import appdirs


@pytest.fixture
def bridge_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.mark.parametrize("span", ["north-anchor", "plank-deck", "handline-east", "stay-west"])
def test_user_data_dir_default(bridge_home, span):
    assert appdirs.user_data_dir(span) == os.path.join(str(bridge_home), ".local/share", span)


@pytest.mark.parametrize("span,version", [("north-anchor", "1.2"), ("plank-deck", "7")])
def test_user_data_dir_version(bridge_home, span, version):
    assert appdirs.user_data_dir(span, version=version).endswith(f".local/share/{span}/{version}")


def test_user_cache_dir_xdg(bridge_home, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/bridge/cache")
    assert appdirs.user_cache_dir("handline-east") == "/srv/bridge/cache/handline-east"


def test_user_cache_dir_default(bridge_home):
    assert appdirs.user_cache_dir("stay-west") == os.path.join(str(bridge_home), ".cache", "stay-west")


def test_site_data_dir_multipath(bridge_home, monkeypatch):
    monkeypatch.setenv("XDG_DATA_DIRS", "/opt/anchors:/usr/share")
    assert appdirs.site_data_dir("plank-deck", multipath=True) == "/opt/anchors/plank-deck:/usr/share/plank-deck"


def test_appdirs_object(bridge_home, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/bridge/cache")
    dirs = appdirs.AppDirs("rope-bridge", "Bridgewrights", version="4.48")
    assert dirs.user_cache_dir == "/srv/bridge/cache/rope-bridge/4.48"
    assert dirs.user_data_dir.endswith(".local/share/rope-bridge/4.48")
'''

SCRIPT = r'''import os

import appdirs


class AnchorCheckError(Exception):
    pass


SPANS = [{"span": "north anchor", "plank": 12, "cache": "/srv/bridge/cache"},
         {"span": "deck centre", "plank": 40, "cache": "/srv/bridge/cache"},
         {"span": "south anchor", "plank": 77, "cache": None}]


def check(entry):
    try:
        os.environ["XDG_CACHE_HOME"] = entry["cache"]
    except TypeError as exc:
        raise AnchorCheckError(f"handline check: {entry['span']} plank {entry['plank']} has no cache home") from exc
    return appdirs.user_cache_dir("rope-bridge")


for entry in SPANS:
    print(entry["span"], "plank", entry["plank"], "cache", check(entry))
'''


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz", cwd=tmp)
    cp = tmp / SV
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_anchorlib.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-appdirs-anchorlib-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-appdirs-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    (cp / "anchor_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-anchor-check", "python3 anchor_check.py", cp, n_chained, env=env)


def source(tmp: Path) -> None:
    """SRC/appdirs-1.4.4.tar.gz from Debian's python3-appdirs module (the round's "sdist")."""
    run(f"rm -rf {SRC} && mkdir -p {SRC}/{SV} && cd {SRC} && cp /usr/lib/python3/dist-packages/{MOD} {SRC}/{SV}/ && "
        f"printf 'appdirs 1.4.4 as Debian ships it\\n' > {SRC}/{SV}/README && tar -czf {SV}.tar.gz {SV} && rm -r {SV}",
        cwd=SRC.parent)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "appdirs", SV, [MOD], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("data dir points at .local/shared; cache ignores XDG_CACHE_HOME\n")
    cap("git-log-p-appdirs-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-appdirs", f"git blame {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-appdirs-part", "git show ':/^appdirs: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-appdirs", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"anchor {r.choice(['north', 'south'])} load {r.randint(200, 1800)} kg, plank "
                      f"{r.randint(1, 80)} crossed, sway {r.randint(1, 40)} mm",
    "DEBUG": lambda r: f"handline {r.choice(['east', 'west'])} tension {r.randint(300, 900)} N, stay "
                       f"{r.randint(1, 12)} wind {r.randint(0, 60)} km/h",
    "WARNING": lambda r: f"plank {r.randint(1, 80)} deflection {r.randint(12, 60)} mm at deck span "
                         f"{r.choice(['north', 'centre', 'south'])}, rope wear {r.randint(5, 40)} %",
    "ERROR": lambda r: f"stay {r.randint(1, 12)} snapped under {r.randint(900, 2400)} N at anchor "
                       f"{r.choice(['north', 'south'])} (handline {r.choice(['east', 'west'])} holds)",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/aglfn", "/usr/share/bird2", "/usr/share/debianutils", "/usr/share/base-files",
                "/usr/share/binfmts"):
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "plankfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 plankfiles.db '.mode csv' '.import plankfiles.csv plankfiles'", cwd=d)
    cap("csv-plankfiles", "cat plankfiles.csv", d, n_csv)
    cap("sqlite-plankfiles-largest", "sqlite3 -header -column plankfiles.db \"SELECT path, kind, name, "
        "CAST(bytes AS INT) AS bytes, links, modified FROM plankfiles ORDER BY CAST(bytes AS INT) DESC LIMIT 60\"",
        d, n_sqlite_col)
    cap("ps-aux-mem-head-60", "ps aux --sort=-%mem | head -n 60", d, n_ps_aux)
    cap("find-printf-bird2-aglfn-debianutils", "find /usr/share/aglfn /usr/share/bird2 /usr/share/debianutils "
        "/usr/share/base-files /usr/share/binfmts -printf '%M %u %s %p\\n' | sort -k3 -n", d, n_find)
    cap("ls-laR-base-files-debianutils", "ls -laR /usr/share/base-files /usr/share/debianutils /usr/share/aglfn",
        d, n_ls_lR)
    app_log(d / "ropebridge.log", 44814, 1600, ["bridge.anchor", "bridge.plank", "bridge.handline", "bridge.stay"],
            LOG_MSGS, 9448, "2026-12-03")
    cap("app-log-ropebridge-tail-600", "tail -n 600 ropebridge.log", d, n_app_log)
    chain("chain-log-grep-error-ropebridge", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' ropebridge.log | head -n 300", n_app_log),
           Part("grep -c ERROR ropebridge.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/bc && exec python3 -m http.server 18448 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-bc-manual", "curl -s http://127.0.0.1:18448/bc.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "ANCHORD_H"), ("spoolgate", "anchord"), ("spool_t", "anchor_t"),
             ("spools", "anchors"), ("gate_t", "plank_t"), ("gate_weight", "plank_load"),
             ("gate_find", "plank_find"), ("twist_permille", "sag_permille"), ("yarn_g", "rope_g"),
             ("fibre", "handline"), ("passes", "crossings"), ("twist_count_", "sag_count_"), ("_lot", "_span"),
             ('"lot ', '"span '), ("gate", "plank"))
RS_RENAMES = (("tillerhorn", "plankline"), ("0.7.3", "0.4.48"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Plank lines: sag from deck bore, stay load and a ranking of "
              "planks."),
              ("sweep_n", "sag_n"), ("helm_load", "stay_load"), ("bore_um", "deck_um"),
              ("pintle_um", "handline_um"), ("horn_count", "plank_count"), ("helm_", "stay_"), ("helm ", "stay "),
              ("sweep not on", "sag not on"), ("rudder limit", "anchor limit"), ("fits", "planks"),
              ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "anchord"
    rnd = random.Random(44812)
    files = {"src/anchord.h": renamed(base.GATE_H, C_RENAMES), "src/anchor.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/stay_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: anchord\n\n"
                         "anchord: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/anchord.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build anchord\n")
    write_tree(root, files)
    chain("chain-make-k-anchord-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def rust(tmp: Path) -> None:
    root = tmp / "plankline"
    rnd = random.Random(44813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "plankline-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-plankline", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(plank_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-plankline-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


DOCS = {"doc": "/usr/share/doc"}
VENV = str(Path(__file__).resolve().parents[2] / ".venv")  # the project's venv, only put on OpenCode's PATH (pytest)
JS = str(TMP / "no-js")  # no node tools this round


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-appdirs", n_pytest,
          "cd anchorlib && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-git-blame-appdirs", n_blame, f"cd anchorlib-git && git blame -w {MOD}"),
        B("oc-bash-git-show-appdirs-part", n_show, "cd anchorlib-git && git show ':/^appdirs: part 9 '"),
        B("oc-bash-git-log-p-appdirs-tail", n_log_p, "cd anchorlib-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-anchord", n_make, "make -C anchord -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-plankline", n_cargo_test, "cd plankline && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-ps-aux-cpu-head-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        B("oc-bash-sqlite-plankfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column plankfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM plankfiles ORDER BY kind, path\""),
        B("oc-bash-log-grep-handline-ropebridge", n_app_log, "grep handline ropebridge.log | head -n 420"),
        B("oc-bash-ls-laR-anchord", n_ls_lR, "ls -laR anchord plankline"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-appdirs", "chain-test-exit", "test",
               [Part("cd anchorlib", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test anchorlib"))
    S.append(C("oc-bash-chain-git-status-diff-appdirs", "chain-git-status-diff", "git",
               [Part("cd anchorlib-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    fw = "doc/bc"
    O = [
        Spec("oc-grep-appdirs-def-return", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|return |raise ", "path": "anchorlib", "include": "*.py"}),
        Spec("oc-grep-anchord-plank", "oc-grep", "search", "grep", {"pattern": r"plank_\w+\(", "path": "anchord"}),
        Spec("oc-glob-anchord-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "anchord"}),
        Spec("oc-read-py-appdirs", "oc-read-source", "code", "read",
             {"filePath": f"{root}/anchorlib/{MOD}"}, "python"),
        Spec("oc-read-rs-plankline-lib", "oc-read-source", "code", "read",
             {"filePath": f"{root}/plankline/src/runs.rs"}, "rust"),
        Spec("oc-webfetch-md-bc-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/bc.html", "format": "markdown"}, source=f"{fw}/bc.html"),
        Spec("oc-webfetch-text-bc-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/bc.html", "format": "text"}, source=f"{fw}/bc.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28448), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28448), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38448)
    try:
        run_round(tmp, f"cp -r {tmp}/{SV} anchorlib && cp -r {tmp}/appdirs-git anchorlib-git && "
                  f"cp -r {tmp}/anchord anchord && cp -r {tmp}/plankline plankline && "
                  f"cp {tmp}/data/plankfiles.db {tmp}/data/ropebridge.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf anchord/build",
                  DOCS, VENV, JS, specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, git_history, rust, c_build, data, python, opencode], ID_PREFIX,
                     DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide448", sys.modules["__main__"])
    main()
