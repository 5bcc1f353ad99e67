"""Capture round 803 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 742, 750 and 788's pattern), with names from a coppersmith's shop (coppersmithy, rivetshed, planishbook,
stakegauge; sheets bossed into the ewers, rivets sold by the pair, the coppersmiths' rounds), seed 80319: npm packages
leaflet.markercluster 1.5.3, leaflet-draw 1.0.4, leaflet.heat 0.2.0, leaflet-routing-machine 3.2.12,
leaflet-easybutton 2.4.0, leaflet.locatecontrol 0.90.1, leaflet-minimap 3.6.1, leaflet-search 4.0.0,
leaflet-fullscreen 1.0.2 and leaflet-providers 4.0.0 installed here (leaflet 1.9.4 as their peer, eslint 10.16.0
beside them as a tool): package JSON from npm view / npm ls / package-lock.json of the coppersmithy app with a missing
dependency, an invalid range and an invalid peer put in, jq over them; a venv of pysimdjson 7.0.2 and jsoncomment
0.4.2 (json-spec 0.12.0 its dependency) with ruff 0.17.6 as a tool (pip inspect, pip show); a Cargo workspace for
cargo metadata and Cargo.lock; two local Go modules (planishbook, and stakegauge with a missing import) for go list
-json; a loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code
with faults put in; the installed packages' documentation fetched with curl from a loopback server, minified files
cat'ed; one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 788's module is IMPORTED (with round 750's,
742's, 734's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch,
ports and members, and this round's word lists are round 788's with their right-hand sides renamed through one table
(roper -> coppersmith). Round 742's `api` and `docs` steps run as they are, on this round's globals; `packages`,
`specs` and `opencode` name their round's own packages and directories, so they are written again here on this
round's. No new extractor: each kind's needles come from the extractor rounds 788, 750 and 742 used for it, imported
through `capture_wide788._imports` (NEEDLES.md's "Round 803: no new rules"). Nothing captured here was compressed.

Tools: node 20, npm 11, go 1.19, cargo 1.95, jq 1.6, curl 7.88, Python 3.11 with pip 23.2, eslint 10.16.0, ruff 0.17.6.
Scratch: tools under /dev/shm/hm-corpus-wide803, material under /dev/shm/hm-corpus-wide803-run.

Usage:   .venv/bin/python scripts/corpus/capture_wide803.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide803.json  as {"version": 2, "items": [...]}, ids prefixed "wide803-".
"""

from __future__ import annotations

import os
import re
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
import capture_wide604 as w604  # noqa: E402
import capture_wide635 as w635  # noqa: E402
import capture_wide734 as w734  # noqa: E402
import capture_wide742 as w742  # noqa: E402
import capture_wide750 as w750  # noqa: E402
import capture_wide788 as w788  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide803-"
DEFAULT_OUT = HERE / "data" / "wide803.json"
TMP = Path("/dev/shm/hm-corpus-wide803-run")
TOOLS = Path("/dev/shm/hm-corpus-wide803")
PY_VERSIONS = {"pysimdjson": "7.0.2", "jsoncomment": "0.4.2", "ruff": "0.17.6"}
NPM_VERSIONS = {"leaflet.markercluster": "1.5.3", "leaflet-draw": "1.0.4", "leaflet.heat": "0.2.0",
                "leaflet-routing-machine": "3.2.12", "leaflet-easybutton": "2.4.0", "leaflet.locatecontrol": "0.90.1",
                "leaflet-minimap": "3.6.1", "leaflet-search": "4.0.0", "leaflet-fullscreen": "1.0.2",
                "leaflet-providers": "4.0.0", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "leaflet.markercluster"   # a range (^0.11.0) the installed 1.x does not satisfy
INVALID_PEER = "leaflet-draw"             # the local plate's peer (^5.0.0) above the installed 1.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 80319
PORT_API, PORT_DOCS, PORT_STUB = 18803, 28803, 38803

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "leaflet-providers",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# Round 788's word lists, their right-hand sides (the roper's words) renamed to the coppersmith's, in this order
# (longer words before the words they contain).
COPPER = (
    (f'"{w788.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w788.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("hawsershed", "rivetshed"), ("hawserboard", "rivetboard"), ("hawserbar", "rivetbar"),
    ("Hawsercord", "Rivetcord"), ("hawser", "rivet"), ("Hawser", "Rivet"),
    ("strand", "planish"), ("Strand", "Planish"),
    ("tarkettle", "stake"), ("Tarkettle", "Stake"),
    ("forelay", "swage"), ("Forelay", "Swage"),
    ("ropewalks_cordages", "coppersmithy_sheets"), ("Ropewalks", "Coppersmithy"), ("ropewalks", "coppersmithy"),
    ("Ropers", "Coppersmiths"), ("ropers", "coppersmiths"), ("Roper", "Coppersmith"),
    ("roper", "coppersmith"),
    ('"RW-', '"CS-'),
    ("Cordageboxes", "Sheetboxes"), ("cordageboxes", "sheetboxes"),
    ("Cordages", "Sheets"), ("cordages", "sheets"), ("Cordage", "Sheet"),
    ("cordage", "sheet"),
    ("Twisting", "Bossing"), ("twisting", "bossing"), ("twisted", "bossed"), ("Twist", "Boss"),
    ("twist", "boss"),
    ("Ropeyarns", "Ewers"), ("ropeyarns", "ewers"), ("Ropeyarn", "Ewer"), ("ropeyarn", "ewer"),
)
LEFTOVER = re.compile(r"ropewalk|hawser|strand|tarkettle|forelay|cordage|ropeyarn|twist|(?<!p)roper", re.I)


def _copper(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, COPPER)) for old, new in pairs)


def K(text: str) -> str:
    return renamed(text, COPPER)


MEMBERS = [K(m) for m in w788.MEMBERS]
MODS = (w788, w750, w742, w734) + w734.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["swage-room", "sheet-bench", "planish-shop", "stake-loft", "rivet-store", "ewer-yard"]
w524.LENGTHSMEN = ["Tabitha Sheetwell", "Josiah Planishridge", "Mehitabel Stakeby", "Barnabas Ewerson",
                   "Philippa Rivetley", "Ambrose Swageworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

NAMES, PHRASES, WORDS = _copper(w788.NAMES), _copper(w788.PHRASES), _copper(w788.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if LEFTOVER.search(new)]
assert not _left, f"roper words left after the renaming: {_left[:8]}"
for _m in (w788, w750, w742, w734) + w734.MODS[:15]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 788's imports (750's, 742's, 734's, ...: the JSON kinds' extractors and the documents')."""
    w788._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w788, name)
    w742.add, w742.cap = add, cap


GO_ENV = w788.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide788", "wide803")
w742.GO_ENV = w750.GO_ENV = w788.GO_ENV = GO_ENV
_b788 = w742.B
w742.B = lambda text: K(_b788(text))   # round 742's api step names its files B(w734.V(...)): renamed once more
w742.JQ_ROUNDS = w750.JQ_ROUNDS = w788.JQ_ROUNDS = JQ_ROUNDS = K(w788.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
_have = w734._have  # reads w734.JS, pointed at this round's below
w734.JS = JS


# ---------------------------------------------------------------- steps (round 742's, on this round's packages)

api_server = w742.api_server
api = w742.api


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "coppersmithy")
    ws = w548.build_workspace(tmp).rename(tmp / "rivetshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "planishplate")
    cap("npm-view-json-leaflet-routing-machine", "npm view leaflet-routing-machine --json", tmp, n_npm_view,
        timeout=300)
    chain("chain-npm-view-leaflet-markercluster-exit", "chain-pkg-exit", "pkg",
          [Part("npm view leaflet.markercluster --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")],
          tmp, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in leaflet-draw leaflet.heat leaflet-easybutton leaflet.locatecontrol leaflet-minimap "
        "leaflet-search leaflet-fullscreen leaflet-providers; "
        "do npm view $p --json | jq '[.name, .version, .description, .license, .homepage, "
        ".\"dist-tags\".latest, .dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-coppersmithy", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-coppersmithy", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-coppersmithy",
        "jq '{name, version, description, dependencies, devDependencies}' package.json", app, n_json_file)
    chain("chain-npm-ls-json-coppersmithy-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-coppersmithy", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-coppersmithy-exit", "chain-pkg-exit", "pkg",
          [Part("cd coppersmithy", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-coppersmith-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-pysimdjson-jsoncomment", f"{PIP} show -f pysimdjson jsoncomment", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f pysimdjson jsoncomment")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-rivetshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-rivetshed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "planishbook"), gauge.rename(tmp / "stakegauge")
    genv = dict(GO_ENV)
    cap("go-list-json-planishbook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-planishbook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-stakegauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd stakegauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "stake", {renamed(k, GENERATED): renamed(v, GENERATED)
                                   for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "ewers", {renamed(k, GENERATED): renamed(v, GENERATED)
                                   for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "ewers").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-stake", f"{eslint} -f json . 2>&1", lint / "stake", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "ewers", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
w742.CURL_MD = [("curl-md-leaflet-markercluster-readme", "leaflet.markercluster/README.md", ""),
                ("curl-md-leaflet-draw-readme", "leaflet-draw/README.md", ""),
                ("curl-md-leaflet-draw-changelog", "leaflet-draw/CHANGELOG.md", ""),
                ("curl-md-leaflet-easybutton-readme", "leaflet-easybutton/README.md", ""),
                ("curl-md-leaflet-fullscreen-readme", "leaflet-fullscreen/README.md", ""),
                ("curl-md-leaflet-minimap-readme", "leaflet-minimap/readme.md", ""),
                ("curl-md-leaflet-providers-readme", "leaflet-providers/README.md", ""),
                ("curl-md-leaflet-routing-machine-readme", "leaflet-routing-machine/README.md", ""),
                # leaflet-routing-machine's dependency
                ("curl-md-osrm-text-instructions-readme", "osrm-text-instructions/README.md", "")]
w742.CURL_HTML = []
w742.CAT_MIN = [("cat-min-leaflet-markercluster", "leaflet.markercluster/dist/leaflet.markercluster.js", ""),
                ("cat-min-leaflet-draw", "leaflet-draw/dist/leaflet.draw.js", ""),
                ("cat-min-leaflet-search", "leaflet-search/dist/leaflet-search.min.js", ""),
                ("cat-min-leaflet-minimap", "leaflet-minimap/dist/Control.MiniMap.min.js", "")]
# leaflet.heat ships no CHANGELOG.md: the chain's second curl fails and it ends with curl's exit status.
w742.CURL_CHAIN = ("chain-curl-md-leaflet-heat-readme-exit", "leaflet.heat/README.md", "leaflet.heat/CHANGELOG.md")
docs = w742.docs

DOCS_MD = [("oc-webfetch-md-leaflet-locatecontrol-readme", "leaflet.locatecontrol/README.md"),
           ("oc-webfetch-md-leaflet-search-readme", "leaflet-search/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-leaflet-locatecontrol", "leaflet.locatecontrol/dist/L.Control.Locate.min.js"),
            "bash": ("bash-cat-min-leaflet-heat", "leaflet.heat/dist/leaflet-heat.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-coppersmithy", "n_npm_ls_json", "cd coppersmithy && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-leaflet-locatecontrol", "n_jq_lines", "npm view leaflet.locatecontrol --json | jq '.versions'"),
    ("oc-bash-npm-view-leaflet-easybutton", "n_npm_view", "npm view leaflet-easybutton --json"),
    ("oc-bash-pip-show-pysimdjson-jsoncomment-ruff", "n_pip_show", "pip show pysimdjson jsoncomment ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-788 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd coppersmithy", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List coppersmithy's dependency tree")
    lock = w469.Spec("oc-read-lock-coppersmithy", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/coppersmithy/package-lock.json"}, "json")
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
            f"cp -a {tmp}/coppersmithy coppersmithy && cp -r {tmp}/rivetshed-ws rivetshed-ws",
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
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    w604.drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide803", sys.modules["__main__"])
    main()
