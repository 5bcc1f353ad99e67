"""Capture round 750 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 742, 734 and 668's pattern), with names from a chocolate works (cacaoworks, pralineshed, conchebook,
ganachegauge; couvertures enrobed on the bonbons, pralines sold by the pair, the confectioners' rounds), seed 75019:
npm packages d3-zoom, d3-sankey, d3-hexbin, d3-voronoi, d3-collection, d3-queue, d3-request, d3-tile, d3-cloud and
d3-interpolate-path installed here (package JSON from npm view / npm ls / package-lock.json of the cacaoworks app
with a missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of jsonpath-python,
json-repair and ruff (pip inspect, pip show); a Cargo workspace for cargo metadata and Cargo.lock; two local Go
modules (conchebook, and ganachegauge with a missing import) for go list -json; a loopback JSON API fetched with curl,
json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the installed packages'
documentation fetched with curl from a loopback server, minified files cat'ed; one headless OpenCode run (package
commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 742's module is IMPORTED (with round 734's,
726's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 742's with their right-hand sides renamed through one table
(campanologist -> confectioner). Round 742's `api` and `docs` steps run as they are, on this round's globals; its
`packages`, `specs` and `opencode` name its own packages and directories, so they are written again here on this
round's. No new extractor: each kind's needles come from the extractor round 742 used for it, imported through
`capture_wide742._imports` (NEEDLES.md's "Round 750: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide750.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide750.json  as {"version": 2, "items": [...]}, ids prefixed "wide750-".
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
import capture_wide734 as w734  # noqa: E402
import capture_wide742 as w742  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide750-"
DEFAULT_OUT = HERE / "data" / "wide750.json"
TMP = Path("/dev/shm/hm-corpus-wide750")
TOOLS = Path("/dev/shm/hm-corpus-wide750-tools")
PY_VERSIONS = {"jsonpath-python": "1.1.6", "json-repair": "0.64.6", "ruff": "0.17.6"}
NPM_VERSIONS = {"d3-zoom": "3.0.1", "d3-sankey": "0.12.3", "d3-hexbin": "0.2.2", "d3-voronoi": "1.1.4",
                "d3-collection": "1.0.7", "d3-queue": "3.0.7", "d3-request": "1.0.6", "d3-tile": "1.0.0",
                "d3-cloud": "1.2.9", "d3-interpolate-path": "2.3.0", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "d3-zoom"     # a range (^0.11.0) the installed 3.x does not satisfy
INVALID_PEER = "d3-voronoi"   # the local plate's peer (^5.0.0) above the installed 1.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 75019
PORT_API, PORT_DOCS, PORT_STUB = 18750, 28750, 38750

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "d3-interpolate-path",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["conchehook", "ganachebook", "confectioner", "pralinebar", "conchewall", "pralineshed"]
MODS = (w742, w734) + w734.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["nougat-room", "couverture-bench", "conche-shop", "ganache-loft", "praline-store", "bonbon-yard"]
w524.LENGTHSMEN = ["Keziah Couverturewell", "Ezekiel Concheridge", "Letitia Ganacheby", "Obadiah Bonbonson",
                   "Clementine Pralineley", "Thaddeus Nougatworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 742's word lists, their right-hand sides (the campanologist's words) renamed to the confectioner's, in this
# order (longer words before the words they contain).
CHOC = (
    (f'"{w742.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w742.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("bellropeshed", "pralineshed"), ("bellropeboard", "pralineboard"), ("bellropebar", "pralinebar"),
    ("Bellropecord", "Pralinecord"), ("bellrope", "praline"), ("Bellrope", "Praline"),
    ("bellwheel", "conche"), ("Bellwheel", "Conche"),
    ("bellframe", "ganache"), ("Bellframe", "Ganache"),
    ("bellstay", "nougat"), ("Bellstay", "Nougat"),
    ("campanile_bellmetals", "cacaoworks_couvertures"), ("Campanile", "Cacaoworks"), ("campanile", "cacaoworks"),
    ("Campanologists", "Confectioners"), ("campanologists", "confectioners"), ("Campanologist", "Confectioner"),
    ("campanologist", "confectioner"),
    ('"BL-', '"CC-'),
    ("Bellmetalboxes", "Couvertureboxes"), ("bellmetalboxes", "couvertureboxes"),
    ("Bellmetals", "Couvertures"), ("bellmetals", "couvertures"), ("Bellmetal", "Couverture"),
    ("bellmetal", "couverture"),
    ("Tolling", "Enrobing"), ("tolling", "enrobing"), ("tolled", "enrobed"), ("Toll", "Enrobe"),
    ("toll", "enrobe"),
    ("Steeples", "Bonbons"), ("steeples", "bonbons"), ("Steeple", "Bonbon"), ("steeple", "bonbon"),
)
LEFTOVER = ("campanile", "campanolog", "bellrope", "bellwheel", "bellframe", "bellstay", "bellmetal", "steeple",
            "toll")


def _choc(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, CHOC)) for old, new in pairs)


def C(text: str) -> str:
    return renamed(text, CHOC)


NAMES, PHRASES, WORDS = _choc(w742.NAMES), _choc(w742.PHRASES), _choc(w742.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"campanologist words left after the renaming: {_left[:8]}"
w742.NAMES, w742.PHRASES, w742.WORDS, w742.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w742.INVALID_RANGE, w742.INVALID_PEER, w742.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS
w734.NAMES, w734.PHRASES, w734.WORDS, w734.GENERATED = NAMES, PHRASES, WORDS, GENERATED
w734.INVALID_RANGE, w734.INVALID_PEER, w734.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS
for _m in w734.MODS[:15]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 742's imports (734's, 726's, ...: the JSON kinds' extractors and the documents')."""
    w742._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w742, name)
    w742.add, w742.cap = add, cap


GO_ENV = w734.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide742", "wide750")
w742.GO_ENV = GO_ENV
_b742 = w742.B
w742.B = lambda text: C(_b742(text))   # round 742's api step names its files B(w734.V(...)): renamed once more
w742.JQ_ROUNDS = JQ_ROUNDS = C(w742.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
_have = w734._have  # reads w734.JS, pointed at this round's below
w734.JS = JS


# ---------------------------------------------------------------- steps (round 742's, on this round's packages)

api_server = w742.api_server
api = w742.api


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "cacaoworks")
    ws = w548.build_workspace(tmp).rename(tmp / "pralineshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "concheplate")
    cap("npm-view-json-d3-zoom", "npm view d3-zoom --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-d3-request-exit", "chain-pkg-exit", "pkg",
          [Part("npm view d3-request --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in d3-sankey d3-hexbin d3-voronoi d3-collection d3-queue d3-tile d3-cloud d3-interpolate-path; "
        "do npm view $p --json | jq '[.name, .version, .description, .license, .homepage, "
        ".\"dist-tags\".latest, .dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-cacaoworks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-cacaoworks", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-cacaoworks",
        "jq '{name, version, description, dependencies, devDependencies}' package.json", app, n_json_file)
    chain("chain-npm-ls-json-cacaoworks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-cacaoworks", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-cacaoworks-exit", "chain-pkg-exit", "pkg",
          [Part("cd cacaoworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-confectioner-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-jsonpath-python-json-repair", f"{PIP} show -f jsonpath-python json-repair", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f jsonpath-python json-repair")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-pralineshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-pralineshed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "conchebook"), gauge.rename(tmp / "ganachegauge")
    genv = dict(GO_ENV)
    cap("go-list-json-conchebook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-conchebook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-ganachegauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd ganachegauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "ganache", {renamed(k, GENERATED): renamed(v, GENERATED)
                                     for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "bonbons", {renamed(k, GENERATED): renamed(v, GENERATED)
                                     for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "bonbons").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-ganache", f"{eslint} -f json . 2>&1", lint / "ganache", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "bonbons", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
w742.CURL_MD = [("curl-md-d3-voronoi-readme", "d3-voronoi/README.md", ""),
                ("curl-md-d3-collection-readme", "d3-collection/README.md", ""),
                ("curl-md-d3-queue-readme", "d3-queue/README.md", ""),
                ("curl-md-d3-request-readme", "d3-request/README.md", ""),
                ("curl-md-d3-hexbin-readme", "d3-hexbin/README.md", ""),
                ("curl-md-d3-sankey-readme", "d3-sankey/README.md", ""),
                ("curl-md-d3-tile-readme", "d3-tile/README.md", ""),
                ("curl-md-d3-dsv-readme", "d3-dsv/README.md", ""),  # d3-request's dependency
                ("curl-md-d3-zoom-readme", "d3-zoom/README.md", "")]
w742.CURL_HTML = []
w742.CAT_MIN = [("cat-min-d3-voronoi", "d3-voronoi/dist/d3-voronoi.min.js", ""),
                ("cat-min-d3-collection", "d3-collection/dist/d3-collection.min.js", ""),
                ("cat-min-d3-queue", "d3-queue/build/d3-queue.min.js", ""),
                ("cat-min-d3-request", "d3-request/build/d3-request.min.js", ""),
                ("cat-min-d3-zoom", "d3-zoom/dist/d3-zoom.min.js", "")]
w742.CURL_CHAIN = ("chain-curl-md-d3-cloud-readme-exit", "d3-cloud/README.md", "d3-cloud/CHANGELOG.md")
docs = w742.docs

DOCS_MD = [("oc-webfetch-md-d3-interpolate-path-readme", "d3-interpolate-path/README.md"),
           ("oc-webfetch-md-d3-shape-readme", "d3-shape/README.md")]  # d3-sankey's dependency
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-d3-hexbin", "d3-hexbin/build/d3-hexbin.min.js"),
            "bash": ("bash-cat-min-d3-sankey", "d3-sankey/dist/d3-sankey.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-cacaoworks", "n_npm_ls_json", "cd cacaoworks && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-d3-cloud", "n_jq_lines", "npm view d3-cloud --json | jq '.versions'"),
    ("oc-bash-npm-view-d3-tile", "n_npm_view", "npm view d3-tile --json"),
    ("oc-bash-pip-show-jsonpath-python-ruff", "n_pip_show", "pip show jsonpath-python json-repair ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-742 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd cacaoworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List cacaoworks's dependency tree")
    lock = w469.Spec("oc-read-lock-cacaoworks", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/cacaoworks/package-lock.json"}, "json")
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
            f"cp -a {tmp}/cacaoworks cacaoworks && cp -r {tmp}/pralineshed-ws pralineshed-ws",
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
    sys.modules.setdefault("capture_wide750", sys.modules["__main__"])
    main()
