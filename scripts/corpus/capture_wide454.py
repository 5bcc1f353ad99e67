"""Capture round 454 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a sail loft (sailmakers, bolt ropes, grommets, roping palms, clews):
Debian's polib 1.1.1 with bugs put in (project ropingpo) under a pytest file of the round's own, ruff and mypy, and a
chained traceback; a git history of its source; a C project (boltrope) and a Rust crate (clewline) from round 291's
generators imported and renamed; CSV/sqlite tables of /usr/share files, ps aux, an application log, opensp's HTML
release notes on loopback; ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch).
Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 454: no new rules").

Usage:   .venv/bin/python scripts/corpus/capture_wide454.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide454.json  as {"version": 2, "items": [...]}, ids prefixed "wide454-".
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

ID_PREFIX = "wide454-"
DEFAULT_OUT = HERE / "data" / "wide454.json"
TMP = Path("/dev/shm/hm-corpus-wide454")
SRC = Path("/dev/shm/hm-corpus-wide454-src")  # polib-1.1.1.tar.gz made from /usr/lib/python3/dist-packages/polib.py
VENV = Path("/dev/shm/hm-corpus-wide454-venv")  # the round's own tools: pytest, ruff, mypy
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
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 45410
SV = "polib-1.1.1"
MOD = "polib.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Saskia Sailmaker", "saskia@example.org"), ("Bram Boltrope", "bram@example.org"),
          ("Saskia Sailmaker", "saskia@example.org"), ("Greta Grommet", "greta@example.org"),
          ("Pim Palm", "pim@example.org")]
BUGS = [(MOD, ".replace('\\r', r'\\r')", ".replace('\\r', r'\\n')"),
        (MOD, "if self.msgstr != '':", "if self.msgstr == '':")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

TESTS = r'''import pytest

import polib

LOFT_PO = """msgid ""
msgstr ""
"Project-Id-Version: ropingpo 4.54\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: nl\\n"

#: loft/cutting.py:12
msgid "bolt rope"
msgstr "lijketouw"

#, fuzzy
#: loft/cutting.py:19
msgid "grommet"
msgstr "oogje"

#: loft/seams.py:40
msgid "roping palm"
msgstr ""

#: loft/seams.py:44
msgid "clew ring"
msgid_plural "clew rings"
msgstr[0] "schoothoorn"
msgstr[1] "schoothoorns"

#~ msgid "leech line"
#~ msgstr "achterlijk"
"""


@pytest.fixture
def loft(tmp_path):
    path = tmp_path / "loft.po"
    path.write_text(LOFT_PO, encoding="utf-8")
    return polib.pofile(str(path))


def test_bolt_rope_translated(loft):
    assert loft.find("bolt rope").translated()


def test_roping_palm_untranslated(loft):
    assert not loft.find("roping palm").translated()


def test_untranslated_entries(loft):
    assert [e.msgid for e in loft.untranslated_entries()] == ["roping palm"]


def test_translated_entries(loft):
    assert [e.msgid for e in loft.translated_entries()] == ["bolt rope", "clew ring"]


def test_fuzzy_grommet(loft):
    assert [e.msgid for e in loft.fuzzy_entries()] == ["grommet"]


def test_metadata(loft):
    assert loft.metadata["Project-Id-Version"] == "ropingpo 4.54"


@pytest.mark.parametrize("raw,escaped", [("sail\ttack", "sail\\ttack"), ("leech\rline", "leech\\rline"),
                                         ("luff\nrope", "luff\\nrope"), ('clew "ring"', 'clew \\"ring\\"')])
def test_escape(raw, escaped):
    assert polib.escape(raw) == escaped


def test_escape_roundtrip_carriage_return():
    assert polib.unescape(polib.escape("seam\r\nstitch")) == "seam\r\nstitch"


def test_save_roundtrip(loft, tmp_path):
    loft.find("roping palm").msgstr = "zeilhandschoen\r"
    out = tmp_path / "again.po"
    loft.save(str(out))
    assert polib.pofile(str(out)).find("roping palm").msgstr == "zeilhandschoen\r"
'''

SCRIPT = r'''import polib


class GrommetCheckError(Exception):
    pass


SAILS = [{"sail": "main", "grommets": 14, "label": "Bolt rope on the luff"},
         {"sail": "jib", "grommets": 9, "label": "Clew ring, roping palm"},
         {"sail": "mizzen", "grommets": 6, "label": None}]


def label(entry):
    try:
        return polib.escape(entry["label"])
    except AttributeError as exc:
        raise GrommetCheckError(f"sailmaker check: {entry['sail']} ({entry['grommets']} grommets) has no label") from exc


for entry in SAILS:
    print(entry["sail"], entry["grommets"], "grommets:", label(entry))
'''


def source(tmp: Path) -> None:
    """SRC/polib-1.1.1.tar.gz from Debian's python3-polib module (the round's "sdist"), and the round's venv."""
    run(f"rm -rf {SRC} && mkdir -p {SRC}/{SV} && cd {SRC} && cp /usr/lib/python3/dist-packages/{MOD} {SRC}/{SV}/ && "
        f"printf 'polib 1.1.1 as Debian ships it\\n' > {SRC}/{SV}/README && tar -czf {SV}.tar.gz {SV} && rm -r {SV}",
        cwd=SRC.parent)
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz", cwd=tmp)
    cp = tmp / SV
    put_bugs(cp, BUGS)
    (cp / "tests").mkdir()
    (cp / "tests" / "test_ropingpo.py").write_text(TESTS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-polib-ropingpo-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-polib-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("ruff-concise-polib-all", f"ruff check --no-cache --isolated --select ALL --output-format=concise {MOD} tests "
        "| head -n 900", cp, n_ruff)
    cap("mypy-strict-polib", f"{MYPY} {MOD} 2>&1 | tail -n 400", cp, n_mypy, timeout=300)
    (cp / "grommet_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-grommet-check", "python3 grommet_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "polib", SV, [MOD], PEOPLE, SEED, 60, BUGS)
    (repo / "NOTES.local").write_text("escape writes \\r as \\n; translated() inverted for plain msgstr\n")
    cap("git-log-p-polib-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-polib", f"git blame -L 200,520 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-polib-part", "git show ':/^polib: part 11 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-polib", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"sail {r.choice(['main', 'jib', 'mizzen'])} panel {r.randint(1, 40)} seamed, bolt rope "
                      f"{r.randint(4, 30)} m sewn, grommets {r.randint(2, 24)}",
    "DEBUG": lambda r: f"roping palm {r.choice(['left', 'right'])} stitch {r.randint(3, 12)} mm, thread "
                       f"{r.randint(20, 90)} tex, clew {r.randint(1, 6)}",
    "WARNING": lambda r: f"grommet {r.randint(1, 24)} set {r.randint(2, 9)} mm off the luff on "
                         f"{r.choice(['main', 'jib', 'mizzen'])}, cloth stretch {r.randint(1, 12)} %",
    "ERROR": lambda r: f"bolt rope tore at panel {r.randint(1, 40)} under {r.randint(400, 1900)} N "
                       f"({r.choice(['luff', 'leech', 'foot'])}, clew ring {r.randint(1, 6)} holds)",
}
DIRS = ("/usr/share/smartmontools", "/usr/share/sensible-utils", "/usr/share/runit", "/usr/share/sgml-base",
        "/usr/share/publicsuffix")


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
    with open(d / "seamfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 seamfiles.db '.mode csv' '.import seamfiles.csv seamfiles'", cwd=d)
    cap("csv-seamfiles", "cat seamfiles.csv", d, n_csv)
    cap("sqlite-seamfiles-by-bytes", "sqlite3 -header -column seamfiles.db \"SELECT path, kind, name, "
        "CAST(bytes AS INT) AS bytes, links, modified FROM seamfiles ORDER BY CAST(bytes AS INT) DESC LIMIT 80\"",
        d, n_sqlite_col)
    cap("ps-aux-rss-head-60", "ps aux --sort=-rss | head -n 60", d, n_ps_aux)
    cap("find-printf-smartmontools-runit", "find " + " ".join(DIRS) + " -printf '%M %u %s %p\\n' | sort -k3 -n", d,
        n_find)
    cap("ls-laR-sgml-base-runit-sensible", "ls -laR /usr/share/sgml-base /usr/share/runit /usr/share/sensible-utils "
        "/usr/share/publicsuffix", d, n_ls_lR)
    app_log(d / "sailmakers.log", 45414, 1500, ["loft.cutting", "loft.seams", "loft.boltrope", "loft.grommets"],
            LOG_MSGS, 9454, "2026-12-03")
    cap("app-log-sailmakers-tail-550", "tail -n 550 sailmakers.log", d, n_app_log)
    chain("chain-log-grep-error-sailmakers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' sailmakers.log | head -n 280", n_app_log),
           Part("grep -c ERROR sailmakers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/opensp && exec python3 -m http.server 18454 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-opensp-releasenotes", "curl -s http://127.0.0.1:18454/releasenotes.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "BOLTROPE_H"), ("spoolgate", "boltrope"), ("spool_t", "sail_t"),
             ("spools", "sails"), ("gate_t", "grommet_t"), ("gate_weight", "grommet_pull"),
             ("gate_find", "grommet_find"), ("twist_permille", "stretch_permille"), ("yarn_g", "thread_g"),
             ("fibre", "cloth"), ("passes", "stitches"), ("twist_count_", "stretch_count_"), ("_lot", "_panel"),
             ('"lot ', '"panel '), ("gate", "grommet"))
RS_RENAMES = (("tillerhorn", "clewline"), ("0.7.3", "0.4.54"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Clew lines: stretch from clew bore, luff load and a ranking of "
              "bolt ropes."),
              ("sweep_n", "stretch_n"), ("helm_load", "luff_load"), ("bore_um", "clew_um"),
              ("pintle_um", "palm_um"), ("horn_count", "grommet_count"), ("helm_", "luff_"), ("helm ", "luff "),
              ("sweep not on", "stretch not on"), ("rudder limit", "leech limit"), ("fits", "ropes"),
              ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "boltrope"
    rnd = random.Random(45412)
    files = {"src/boltrope.h": renamed(base.GATE_H, C_RENAMES), "src/sail.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(28):
        files[f"src/seam_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: boltrope\n\n"
                         "boltrope: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/boltrope.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build boltrope\n")
    write_tree(root, files)
    chain("chain-make-k-boltrope-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-boltrope-seams", "gcc -Wall -Wextra -fsyntax-only -Isrc src/sail.c src/seam_0[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build boltrope", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "clewline"
    rnd = random.Random(45413)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 110), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "clewline-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-clewline", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(grommet_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-clewline-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)
    cap("cargo-clippy-clewline", "cargo clippy 2>&1 | tail -n 600", root, n_clippy, env=env, timeout=600)


DOCS = {"doc": "/usr/share/doc"}
JS = str(TMP / "no-js")  # no node tools this round


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-polib", n_pytest,
          "cd ropingpo && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-polib", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full ropingpo/{MOD} 2>&1 | head -n 900"),
        B("oc-bash-git-blame-polib", n_blame, f"cd ropingpo-git && git blame -w -L 900,1200 {MOD}"),
        B("oc-bash-git-show-polib-part", n_show, "cd ropingpo-git && git show ':/^polib: part 20 '"),
        B("oc-bash-git-log-p-polib-reverse", n_log_p, "cd ropingpo-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-boltrope", n_make, "make -C boltrope -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-clewline", n_cargo_test, "cd clewline && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-clewline", n_clippy, "cd clewline && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-ps-aux-cpu-head-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        B("oc-bash-sqlite-seamfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column seamfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM seamfiles ORDER BY kind, path\""),
        B("oc-bash-csv-grep-seamfiles", n_csv,
          "(head -n 1 seamfiles.csv; tail -n +2 seamfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-grommet-sailmakers", n_app_log, "grep grommet sailmakers.log | head -n 420"),
        B("oc-bash-ls-laR-boltrope", n_ls_lR, "ls -laR boltrope clewline"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-polib", "chain-test-exit", "test",
               [Part("cd ropingpo", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test ropingpo"))
    S.append(C("oc-bash-chain-mypy-strict-polib", "chain-lint", "lint",
               [Part("cd ropingpo", None), Part(f"{MYPY} --pretty {MOD} 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check polib"))
    S.append(C("oc-bash-chain-git-status-diff-polib", "chain-git-status-diff", "git",
               [Part("cd ropingpo-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    fw = "doc/opensp"
    O = [
        Spec("oc-grep-polib-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |return self\.", "path": "ropingpo", "include": "*.py"}),
        Spec("oc-grep-boltrope-grommet", "oc-grep", "search", "grep",
             {"pattern": r"grommet_\w+\(|return ", "path": "boltrope"}),
        Spec("oc-glob-boltrope-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "boltrope"}),
        Spec("oc-read-py-polib", "oc-read-source", "code", "read", {"filePath": f"{root}/ropingpo/{MOD}"}, "python"),
        Spec("oc-read-rs-clewline-runs", "oc-read-source", "code", "read",
             {"filePath": f"{root}/clewline/src/runs.rs"}, "rust"),
        Spec("oc-webfetch-md-opensp-releasenotes", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/releasenotes.html", "format": "markdown"}, source=f"{fw}/releasenotes.html"),
        Spec("oc-webfetch-text-opensp-releasenotes", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/releasenotes.html", "format": "text"}, source=f"{fw}/releasenotes.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28454), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28454), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38454)
    try:
        run_round(tmp, f"cp -r {tmp}/{SV} ropingpo && cp -r {tmp}/polib-git ropingpo-git && "
                  f"cp -r {tmp}/boltrope boltrope && cp -r {tmp}/clewline clewline && "
                  f"cp {tmp}/data/seamfiles.db {tmp}/data/seamfiles.csv {tmp}/data/sailmakers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf boltrope/build ropingpo/.mypy_cache",
                  DOCS, str(VENV), JS, specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def drop_and_check(out: Path) -> None:
    """NEEDLES.md's checks on the written file: an item with no needle, or one of whose needles (no string of an
    `any` group) is on no line of its cleaned text or is over 200 characters, is dropped whole; the split is
    `split_of`'s."""
    import json
    from capture_data import clean_lines, split_of
    doc = json.loads(out.read_text())
    kept = []
    for it in doc["items"]:
        lines = clean_lines(it["text"])

        def found(s: str) -> bool:
            return len(s) <= 200 and any(s in ln for ln in lines)
        ok = bool(it["needles"]) and all(found(n) if isinstance(n, str) else any(found(s) for s in n["any"])
                                         for n in it["needles"])
        assert it["split"] == split_of(it["id"]), it["id"]
        if ok and 400 <= len(it["text"]) <= 120_000:
            kept.append(it)
        else:
            cm.note(f"drop {it['id']}: {len(it['needles'])} needles, not all found, or size {len(it['text'])}")
    doc["items"] = kept
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    cm.note(f"kept {len(kept)} items ({sum(it['split'] == 'heldout' for it in kept)} held out), "
            f"{len({it['kind'] for it in kept})} kinds, {sum(len(it['needles']) for it in kept)} needles")


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, git_history, rust, c_build, data, python, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide454", sys.modules["__main__"])
    main()
