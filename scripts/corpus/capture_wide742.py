"""Capture round 742 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 734, 726 and 668's pattern), with names from a bell-ringers' tower (campanile, bellropeshed,
bellwheelbook, bellframegauge; bellmetals tolled in the steeples, bellropes sold by the pair, the campanologists'
rounds), seed 74219: npm packages d3-chord, d3-brush, d3-scale-chromatic, json-stringify-pretty-compact, jsonlint,
json-to-ast, d3-fetch, d3-dispatch, d3-axis and internmap installed here (package JSON from npm view / npm ls /
package-lock.json of the campanile app with a missing dependency, an invalid range and an invalid peer put in, jq
over them); a venv of jsonpath-rw, jsonschema-spec and ruff (pip inspect, pip show); a Cargo workspace for cargo
metadata and Cargo.lock; two local Go modules (bellwheelbook, and bellframegauge with a missing import) for go list
-json; a loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code
with faults put in; the installed packages' documentation fetched with curl from a loopback server, minified files
cat'ed; one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 734's module is IMPORTED (with round 726's,
710's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 734's with their right-hand sides renamed through one table
(verger -> campanologist). No new extractor: each kind's needles come from the extractor round 734 used for it,
imported through `capture_wide734._imports` (NEEDLES.md's "Round 742: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide742.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide742.json  as {"version": 2, "items": [...]}, ids prefixed "wide742-".
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
import capture_wide734 as w734  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide742-"
DEFAULT_OUT = HERE / "data" / "wide742.json"
TMP = Path("/dev/shm/hm-corpus-wide742")
TOOLS = Path("/dev/shm/hm-corpus-wide742-tools")
PY_VERSIONS = {"jsonpath-rw": "1.4.0", "jsonschema-spec": "0.2.4", "ruff": "0.17.6"}
NPM_VERSIONS = {"d3-chord": "3.0.2", "d3-brush": "3.0.1", "d3-scale-chromatic": "3.1.1",
                "json-stringify-pretty-compact": "4.0.0", "jsonlint": "1.6.3", "json-to-ast": "2.1.0",
                "d3-fetch": "3.0.2", "d3-dispatch": "3.0.2", "d3-axis": "3.0.1", "internmap": "2.0.3",
                "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "d3-chord"   # a range (^0.11.0) the installed 3.x does not satisfy
INVALID_PEER = "d3-brush"    # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 74219
PORT_API, PORT_DOCS, PORT_STUB = 18742, 28742, 38742

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "d3-scale-chromatic",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["bellwheelhook", "bellframebook", "campanologist", "bellropebar", "bellwheelwall", "bellropeshed"]
MODS = (w734,) + w734.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["bellstay-room", "bellmetal-bench", "bellwheel-shop", "bellframe-loft", "bellrope-store",
              "steeple-yard"]
w524.LENGTHSMEN = ["Hepzibah Bellmetalwell", "Josiah Bellwheelridge", "Araminta Bellframeby", "Gideon Steepleson",
                   "Philippa Bellropeley", "Barnabas Bellstayworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 734's word lists, their right-hand sides (the verger's words) renamed to the campanologist's, in this order
# (longer words before the words they contain).
BELL = (
    (f'"{w734.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w734.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("cassockshed", "bellropeshed"), ("cassockboard", "bellropeboard"), ("cassockbar", "bellropebar"),
    ("Cassockcord", "Bellropecord"), ("cassock", "bellrope"), ("Cassock", "Bellrope"),
    ("censer", "bellwheel"), ("Censer", "Bellwheel"),
    ("thurible", "bellframe"), ("Thurible", "Bellframe"),
    ("chasuble", "bellstay"), ("Chasuble", "Bellstay"),
    ("vestry_hassocks", "campanile_bellmetals"), ("Vestry", "Campanile"), ("vestry", "campanile"),
    ("Vergers", "Campanologists"), ("vergers", "campanologists"), ("Verger", "Campanologist"),
    ("verger", "campanologist"),
    ('"VG-', '"BL-'),
    ("Hassockboxes", "Bellmetalboxes"), ("hassockboxes", "bellmetalboxes"),
    ("Hassocks", "Bellmetals"), ("hassocks", "bellmetals"), ("Hassock", "Bellmetal"), ("hassock", "bellmetal"),
    ("Stitching", "Tolling"), ("stitching", "tolling"), ("stitched", "tolled"), ("Stitch", "Toll"),
    ("stitch", "toll"),
    ("Aisles", "Steeples"), ("aisles", "steeples"), ("Aisle", "Steeple"), ("aisle", "steeple"),
)
LEFTOVER = ("vestry", "cassock", "hassock", "censer", "thurible", "chasuble", "verger", "aisle", "stitch")


def _bell(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, BELL)) for old, new in pairs)


def B(text: str) -> str:
    return renamed(text, BELL)


NAMES, PHRASES, WORDS = _bell(w734.NAMES), _bell(w734.PHRASES), _bell(w734.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"verger words left after the renaming: {_left[:8]}"
w734.NAMES, w734.PHRASES, w734.WORDS, w734.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w734.INVALID_RANGE, w734.INVALID_PEER, w734.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS
for _m in MODS[:16]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 734's imports (726's, 710's, ...: the JSON kinds' extractors and the documents')."""
    w734._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w734, name)


GO_ENV = w734.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide734", "wide742")
JQ_ROUNDS = B(w734.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
_have = w734._have  # reads w734.JS, pointed at this round's below
w734.JS = JS


# ---------------------------------------------------------------- steps (round 734's, on this round's packages)

api_server = w734.api_server


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "campanile")
    ws = w548.build_workspace(tmp).rename(tmp / "bellropeshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "bellwheelplate")
    cap("npm-view-json-d3-scale-chromatic", "npm view d3-scale-chromatic --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-d3-chord-exit", "chain-pkg-exit", "pkg",
          [Part("npm view d3-chord --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in d3-brush json-stringify-pretty-compact jsonlint json-to-ast d3-fetch d3-dispatch d3-axis "
        "internmap; do npm view $p --json | jq '[.name, .version, .description, .license, .homepage, "
        ".\"dist-tags\".latest, .dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-campanile", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-campanile", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-campanile",
        "jq '{name, version, description, dependencies, devDependencies}' package.json", app, n_json_file)
    chain("chain-npm-ls-json-campanile-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-campanile", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-campanile-exit", "chain-pkg-exit", "pkg",
          [Part("cd campanile", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-campanologist-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-jsonpath-rw-jsonschema-spec", f"{PIP} show -f jsonpath-rw jsonschema-spec", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f jsonpath-rw jsonschema-spec")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-bellropeshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-bellropeshed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "bellwheelbook"), gauge.rename(tmp / "bellframegauge")
    genv = dict(GO_ENV)
    cap("go-list-json-bellwheelbook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-bellwheelbook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-bellframegauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd bellframegauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "bellframe", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "steeples", {renamed(k, GENERATED): renamed(v, GENERATED)
                                      for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "steeples").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-bellframe", f"{eslint} -f json . 2>&1", lint / "bellframe", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "steeples", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    pages, sales, rounds = B(w734.V("jar-steepings")), B(w734.V("salve-sales")), B(w734.V("tincture-rounds"))
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
CURL_MD = [("curl-md-d3-chord-readme", "d3-chord/README.md", ""),
           ("curl-md-d3-scale-chromatic-readme", "d3-scale-chromatic/README.md", ""),
           ("curl-md-json-stringify-pretty-compact-readme", "json-stringify-pretty-compact/README.md", ""),
           ("curl-md-d3-dispatch-readme", "d3-dispatch/README.md", ""),
           ("curl-md-d3-axis-readme", "d3-axis/README.md", ""),
           ("curl-md-d3-selection-readme", "d3-selection/README.md", ""),  # d3-brush's dependency
           ("curl-md-d3-fetch-readme", "d3-fetch/README.md", ""),
           ("curl-md-d3-brush-readme", "d3-brush/README.md", ""),
           ("curl-md-internmap-readme", "internmap/README.md", "")]
CURL_HTML: list = []
CAT_MIN = [("cat-min-d3-chord", "d3-chord/dist/d3-chord.min.js", ""),
           ("cat-min-d3-dispatch", "d3-dispatch/dist/d3-dispatch.min.js", ""),
           ("cat-min-d3-axis", "d3-axis/dist/d3-axis.min.js", ""),
           ("cat-min-d3-transition", "d3-transition/dist/d3-transition.min.js", ""),  # d3-brush's dependency
           ("cat-min-internmap", "internmap/dist/internmap.min.js", "")]
CURL_CHAIN = ("chain-curl-md-json-to-ast-readme-exit", "json-to-ast/README.md", "json-to-ast/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists (the files checked first)."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN = _have(CURL_MD), CURL_HTML, _have(CAT_MIN)
    w635.CURL_CHAIN = CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-jsonlint-readme", "jsonlint/README.md"),
           ("oc-webfetch-md-d3-fetch-readme", "d3-fetch/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-d3-drag", "d3-drag/dist/d3-drag.min.js"),
            "bash": ("bash-cat-min-d3-scale-chromatic", "d3-scale-chromatic/dist/d3-scale-chromatic.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-campanile", "n_npm_ls_json", "cd campanile && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-jsonlint", "n_jq_lines", "npm view jsonlint --json | jq '.versions'"),
    ("oc-bash-npm-view-d3-dispatch", "n_npm_view", "npm view d3-dispatch --json"),
    ("oc-bash-pip-show-jsonpath-rw-ruff", "n_pip_show", "pip show jsonpath-rw jsonschema-spec ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-734 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd campanile", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List campanile's dependency tree")
    lock = w469.Spec("oc-read-lock-campanile", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/campanile/package-lock.json"}, "json")
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
            f"cp -a {tmp}/campanile campanile && cp -r {tmp}/bellropeshed-ws bellropeshed-ws",
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
    sys.modules.setdefault("capture_wide742", sys.modules["__main__"])
    main()
