"""Capture round 734 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 726, 718 and 668's pattern), with names from a verger's church (vestry, cassockshed, censerbook,
thuriblegauge; hassocks stitched in the aisles, cassocks sold by the pair, the vergers' rounds), seed 73419: npm
packages d3-time-format, d3-polygon, lzutf8, json-diff-ts, jsurl, json-cycle, d3-path, d3-random, d3-ease and d3-timer
installed here (package JSON from npm view / npm ls / package-lock.json of the vestry app with a missing dependency, an
invalid range and an invalid peer put in, jq over them); a venv of json-flatten, jsonschema-path and ruff (pip
inspect, pip show); a Cargo workspace for cargo metadata and Cargo.lock; two local Go modules (censerbook, and
thuriblegauge with a missing import) for go list -json; a loopback JSON API fetched with curl, json.tool and jq -c;
eslint -f json and ruff's JSON reporter on code with faults put in; the installed packages' documentation fetched with
curl from a loopback server, minified files cat'ed; one headless OpenCode run (package commands, read, webfetch of
installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 726's module is IMPORTED (with round 710's,
702's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 726's with their right-hand sides renamed through one table
(apothecary -> verger). No new extractor: each kind's needles come from the extractor round 726 used for it, imported
through `capture_wide726._imports` (NEEDLES.md's "Round 734: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide734.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide734.json  as {"version": 2, "items": [...]}, ids prefixed "wide734-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402
import capture_wide469 as w469  # noqa: E402
import capture_wide524 as w524  # noqa: E402
import capture_wide548 as w548  # noqa: E402
import capture_wide635 as w635  # noqa: E402
import capture_wide726 as w726  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide734-"
DEFAULT_OUT = HERE / "data" / "wide734.json"
TMP = Path("/dev/shm/hm-corpus-wide734")
TOOLS = Path("/dev/shm/hm-corpus-wide734-tools")
PY_VERSIONS = {"json-flatten": "0.3.1", "jsonschema-path": "0.4.6", "ruff": "0.17.6"}
NPM_VERSIONS = {"d3-time-format": "4.1.1", "d3-polygon": "3.0.2", "lzutf8": "0.6.3", "json-diff-ts": "4.10.4",
                "jsurl": "0.1.5", "json-cycle": "1.5.0", "d3-path": "3.1.1", "d3-random": "3.0.2",
                "d3-ease": "3.0.2", "d3-timer": "3.0.2", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "d3-time-format"  # a range (^0.11.0) the installed 4.x does not satisfy
INVALID_PEER = "d3-polygon"       # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 73419
PORT_API, PORT_DOCS, PORT_STUB = 18734, 28734, 38734

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "lzutf8",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["censerhook", "thuriblebook", "verger", "cassockbar", "censerwall", "cassockshed"]
MODS = (w726,) + w726.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["chasuble-room", "hassock-bench", "censer-shop", "thurible-loft", "cassock-store", "vestry-yard"]
w524.LENGTHSMEN = ["Tabitha Hassockwell", "Silas Censerridge", "Mehitabel Thuribleby", "Obadiah Aisleson",
                   "Jerusha Cassockley", "Zebulon Chasubleworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 726's word lists, their right-hand sides (the apothecary's words) renamed to the verger's, in this order
# (longer words before the words they contain).
VERGER = (
    (f'"{w726.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w726.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("tincture clouded in the jar: salves scrapped, sale refunded",
     "hassock frayed in the aisle: cassocks scrapped, sale refunded"),
    ("tinctures steeped in the jars", "hassocks stitched in the aisles"),
    ("tincture laid in the jars", "hassock laid in the aisles"),
    ("salveshed", "cassockshed"), ("salveboard", "cassockboard"), ("salvebar", "cassockbar"),
    ("Salvecord", "Cassockcord"), ("salve", "cassock"), ("Salve", "Cassock"),
    ("phialjar", "censeraisle"), ("phial", "censer"), ("Phial", "Censer"),
    ("drachm", "thurible"), ("Drachm", "Thurible"),
    ("poultice", "chasuble"), ("Poultice", "Chasuble"),
    ("apothecary_tinctures", "vestry_hassocks"), ("Apothecary", "Vestry"), ("apothecary", "vestry"),
    ("Druggists", "Vergers"), ("druggists", "vergers"), ("Druggist", "Verger"), ("druggist", "verger"),
    ('"AP-', '"VG-'),
    ("Tinctureboxes", "Hassockboxes"), ("tinctureboxes", "hassockboxes"),
    ("Tinctures", "Hassocks"), ("tinctures", "hassocks"), ("Tincture", "Hassock"), ("tincture", "hassock"),
    ("Steeping", "Stitching"), ("steeping", "stitching"), ("steeped", "stitched"), ("Steep", "Stitch"),
    ("steep", "stitch"),
    ("Jars", "Aisles"), ("jars", "aisles"), ("Jar", "Aisle"), ("jar", "aisle"),
)
LEFTOVER = ("apothecar", "tincture", "salve", "poultice", "phial", "drachm", "druggist")


def _verger(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, VERGER)) for old, new in pairs)


def V(text: str) -> str:
    return renamed(text, VERGER)


NAMES, PHRASES, WORDS = _verger(w726.NAMES), _verger(w726.PHRASES), _verger(w726.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"apothecary words left after the renaming: {_left[:8]}"
w726.NAMES, w726.PHRASES, w726.WORDS, w726.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w726.INVALID_RANGE, w726.INVALID_PEER, w726.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS
for _m in MODS[:15]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 726's imports (710's, 702's, ...: the JSON kinds' extractors and the documents')."""
    w726._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w726, name)


GO_ENV = w726.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide726", "wide734").replace("wide710", "wide734")
JQ_ROUNDS = V(w726.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _have(rows: list, col: int = 1) -> list:
    """The rows whose installed file exists (the material checked before capturing)."""
    keep = [r for r in rows if (JS / "node_modules" / r[col]).is_file()]
    for r in rows:
        if r not in keep:
            cm.note(f"not installed, left out: {r[col]}")
    return keep


# ---------------------------------------------------------------- steps (round 726's, on this round's packages)

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "vestry")
    ws = w548.build_workspace(tmp).rename(tmp / "cassockshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "censerplate")
    cap("npm-view-json-lzutf8-json", "npm view lzutf8 --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-d3-time-format-exit", "chain-pkg-exit", "pkg",
          [Part("npm view d3-time-format --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in d3-polygon json-diff-ts jsurl json-cycle d3-path d3-random d3-ease d3-timer; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-vestry", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-vestry", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-vestry", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-vestry-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-vestry", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-vestry-exit", "chain-pkg-exit", "pkg",
          [Part("cd vestry", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-verger-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-json-flatten-jsonschema-path", f"{PIP} show -f json-flatten jsonschema-path", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f json-flatten jsonschema-path")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-cassockshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-cassockshed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "censerbook"), gauge.rename(tmp / "thuriblegauge")
    genv = dict(GO_ENV)
    cap("go-list-json-censerbook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-censerbook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-thuriblegauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd thuriblegauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "thurible", {renamed(k, GENERATED): renamed(v, GENERATED)
                                      for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "aisles", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "aisles").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-thurible", f"{eslint} -f json . 2>&1", lint / "thurible", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "aisles", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    pages, sales, rounds = V("jar-steepings"), V("salve-sales"), V("tincture-rounds")
    cap(f"curl-json-api-{pages}-page1-json-tool",
        f"curl -s {base}/{pages}/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain(f"chain-curl-{pages}-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/{pages}/page1.json", n_json_api),
           Part(f"curl -s {base}/{pages}/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/{pages}/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap(f"curl-json-api-{sales}-json-tool", f"curl -s {base}/{sales}.json | python3 -m json.tool",
        tmp, n_api_json)
    cap(f"curl-jq-c-{rounds}", f"curl -s {base}/{rounds}.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-d3-time-format-readme", "d3-time-format/README.md", ""),
           ("curl-md-lzutf8-readme", "lzutf8/README.md", ""),
           ("curl-md-json-diff-ts-readme", "json-diff-ts/README.md", ""),
           ("curl-md-d3-random-readme", "d3-random/README.md", ""),
           ("curl-md-d3-ease-readme", "d3-ease/README.md", ""),
           ("curl-md-d3-time-readme", "d3-time/README.md", ""),  # d3-time-format's dependency
           ("curl-md-d3-path-readme", "d3-path/README.md", ""),
           ("curl-md-d3-polygon-readme", "d3-polygon/README.md", ""),
           ("curl-md-d3-timer-readme", "d3-timer/README.md", "")]
CURL_HTML: list = []
CAT_MIN = [("cat-min-d3-time-format", "d3-time-format/dist/d3-time-format.min.js", ""),
           ("cat-min-d3-random", "d3-random/dist/d3-random.min.js", ""),
           ("cat-min-d3-ease", "d3-ease/dist/d3-ease.min.js", ""),
           ("cat-min-d3-array", "d3-array/dist/d3-array.min.js", ""),  # d3-time's dependency
           ("cat-min-d3-timer", "d3-timer/dist/d3-timer.min.js", "")]
CURL_CHAIN = ("chain-curl-md-json-cycle-readme-exit", "json-cycle/README.md", "json-cycle/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists (the files checked first)."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN = _have(CURL_MD), CURL_HTML, _have(CAT_MIN)
    w635.CURL_CHAIN = CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-jsurl-readme", "jsurl/README.md"),
           ("oc-webfetch-md-d3-polygon-readme", "d3-polygon/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-d3-time", "d3-time/dist/d3-time.min.js"),
            "bash": ("bash-cat-min-lzutf8", "lzutf8/build/production/lzutf8.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-vestry", "n_npm_ls_json", "cd vestry && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-json-diff-ts", "n_jq_lines", "npm view json-diff-ts --json | jq '.versions'"),
    ("oc-bash-npm-view-d3-random", "n_npm_view", "npm view d3-random --json"),
    ("oc-bash-pip-show-json-flatten-ruff", "n_pip_show", "pip show json-flatten jsonschema-path ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-726 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd vestry", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List vestry's dependency tree")
    lock = w469.Spec("oc-read-lock-vestry", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/vestry/package-lock.json"}, "json")
    swap = {chain_id: mine, "oc-read-lock-glovery": (lock, w469.oc_ext(lock.kind, lock.family, lock))}
    return [swap.get(s[0].id, s) for s in S]


def opencode(tmp: Path) -> None:
    import functools
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/vestry vestry && cp -r {tmp}/cassockshed-ws cassockshed-ws",
            "true", {"npm": str(JS / "node_modules")}, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, docs, opencode]


def install() -> None:
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide734", sys.modules["__main__"])
    main()
