"""Capture round 788 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 742 and 750's pattern), with names from a ropery (ropewalks, hawsershed, strandbook, tarkettlegauge;
cordages twisted into the ropeyarns, hawsers sold by the pair, the ropers' rounds), seed 78819: npm packages
d3-geo-projection 4.0.1, d3-tip 0.9.1, d3-svg-legend 2.25.6, d3-hsv 0.1.0, d3-cam02 0.1.5, d3-regression 2.2.0,
d3-simple-slider 2.0.0, d3-selection-multi 1.0.1, d3-scale-cluster 2.0.1 and d3-weighted-voronoi 1.1.3 installed here
(eslint 10.16.0 beside them as a tool): package JSON from npm view / npm ls / package-lock.json of the ropewalks app
with a missing dependency, an invalid range and an invalid peer put in, jq over them; a venv of json-log-formatter
1.2.1 and jsonseq 1.0.0 with ruff 0.17.6 as a tool (pip inspect, pip show); a Cargo workspace for cargo metadata and
Cargo.lock; two local Go modules (strandbook, and tarkettlegauge with a missing import) for go list -json; a loopback
JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in;
the installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one headless
OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 750's module is IMPORTED (with round 742's,
734's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 750's with their right-hand sides renamed through one table
(confectioner -> roper). Round 742's `api` and `docs` steps run as they are, on this round's globals; `packages`,
`specs` and `opencode` name their round's own packages and directories, so they are written again here on this
round's. No new extractor: each kind's needles come from the extractor rounds 750 and 742 used for it, imported
through `capture_wide750._imports` (NEEDLES.md's "Round 788: no new rules"). Nothing captured here was compressed.

Tools: node 20, npm 11, go 1.19, cargo 1.95, jq 1.6, curl 7.88, Python 3.11 with pip 23.2, eslint 10.16.0, ruff 0.17.6.
Scratch: tools under /dev/shm/hm-corpus-wide788, material under /dev/shm/hm-corpus-wide788-run.

Usage:   .venv/bin/python scripts/corpus/capture_wide788.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide788.json  as {"version": 2, "items": [...]}, ids prefixed "wide788-".
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
import capture_wide604 as w604  # noqa: E402
import capture_wide635 as w635  # noqa: E402
import capture_wide734 as w734  # noqa: E402
import capture_wide742 as w742  # noqa: E402
import capture_wide750 as w750  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide788-"
DEFAULT_OUT = HERE / "data" / "wide788.json"
TMP = Path("/dev/shm/hm-corpus-wide788-run")
TOOLS = Path("/dev/shm/hm-corpus-wide788")
PY_VERSIONS = {"json-log-formatter": "1.2.1", "jsonseq": "1.0.0", "ruff": "0.17.6"}
NPM_VERSIONS = {"d3-geo-projection": "4.0.1", "d3-tip": "0.9.1", "d3-svg-legend": "2.25.6", "d3-hsv": "0.1.0",
                "d3-cam02": "0.1.5", "d3-regression": "2.2.0", "d3-simple-slider": "2.0.0",
                "d3-selection-multi": "1.0.1", "d3-scale-cluster": "2.0.1", "d3-weighted-voronoi": "1.1.3",
                "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "d3-geo-projection"   # a range (^0.11.0) the installed 4.x does not satisfy
INVALID_PEER = "d3-regression"        # the local plate's peer (^5.0.0) above the installed 2.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 78819
PORT_API, PORT_DOCS, PORT_STUB = 18788, 28788, 38788

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "d3-weighted-voronoi",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["strandhook", "tarkettlebook", "roper", "hawserbar", "strandwall", "hawsershed"]
MODS = (w750, w742, w734) + w734.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["forelay-room", "cordage-bench", "strand-shop", "tarkettle-loft", "hawser-store", "ropeyarn-yard"]
w524.LENGTHSMEN = ["Jemima Cordagewell", "Zebulon Strandridge", "Lavinia Tarkettleby", "Ebenezer Ropeyarnson",
                   "Henrietta Hawserley", "Cornelius Forelayworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 750's word lists, their right-hand sides (the confectioner's words) renamed to the roper's, in this order
# (longer words before the words they contain).
ROPE = (
    (f'"{w750.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w750.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("pralineshed", "hawsershed"), ("pralineboard", "hawserboard"), ("pralinebar", "hawserbar"),
    ("Pralinecord", "Hawsercord"), ("praline", "hawser"), ("Praline", "Hawser"),
    ("conche", "strand"), ("Conche", "Strand"),
    ("ganache", "tarkettle"), ("Ganache", "Tarkettle"),
    ("nougat", "forelay"), ("Nougat", "Forelay"),
    ("cacaoworks_couvertures", "ropewalks_cordages"), ("Cacaoworks", "Ropewalks"), ("cacaoworks", "ropewalks"),
    ("Confectioners", "Ropers"), ("confectioners", "ropers"), ("Confectioner", "Roper"),
    ("confectioner", "roper"),
    ('"CC-', '"RW-'),
    ("Couvertureboxes", "Cordageboxes"), ("couvertureboxes", "cordageboxes"),
    ("Couvertures", "Cordages"), ("couvertures", "cordages"), ("Couverture", "Cordage"),
    ("couverture", "cordage"),
    ("Enrobing", "Twisting"), ("enrobing", "twisting"), ("enrobed", "twisted"), ("Enrobe", "Twist"),
    ("enrobe", "twist"),
    ("Bonbons", "Ropeyarns"), ("bonbons", "ropeyarns"), ("Bonbon", "Ropeyarn"), ("bonbon", "ropeyarn"),
)
LEFTOVER = ("cacao", "praline", "conche", "ganache", "nougat", "couverture", "bonbon", "enrob", "confection")


def _rope(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, ROPE)) for old, new in pairs)


def R(text: str) -> str:
    return renamed(text, ROPE)


NAMES, PHRASES, WORDS = _rope(w750.NAMES), _rope(w750.PHRASES), _rope(w750.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"confectioner words left after the renaming: {_left[:8]}"
for _m in (w750, w742, w734) + w734.MODS[:15]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 750's imports (742's, 734's, ...: the JSON kinds' extractors and the documents')."""
    w750._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w750, name)
    w742.add, w742.cap = add, cap


GO_ENV = w750.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide750", "wide788")
w742.GO_ENV = w750.GO_ENV = GO_ENV
_b750 = w742.B
w742.B = lambda text: R(_b750(text))   # round 742's api step names its files B(w734.V(...)): renamed once more
w742.JQ_ROUNDS = w750.JQ_ROUNDS = JQ_ROUNDS = R(w742.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
_have = w734._have  # reads w734.JS, pointed at this round's below
w734.JS = JS


# ---------------------------------------------------------------- steps (round 742's, on this round's packages)

api_server = w742.api_server
api = w742.api


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "ropewalks")
    ws = w548.build_workspace(tmp).rename(tmp / "hawsershed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "strandplate")
    cap("npm-view-json-d3-geo-projection", "npm view d3-geo-projection --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-d3-svg-legend-exit", "chain-pkg-exit", "pkg",
          [Part("npm view d3-svg-legend --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in d3-tip d3-hsv d3-cam02 d3-regression d3-simple-slider d3-selection-multi d3-scale-cluster "
        "d3-weighted-voronoi; "
        "do npm view $p --json | jq '[.name, .version, .description, .license, .homepage, "
        ".\"dist-tags\".latest, .dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-ropewalks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-ropewalks", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-ropewalks",
        "jq '{name, version, description, dependencies, devDependencies}' package.json", app, n_json_file)
    chain("chain-npm-ls-json-ropewalks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-ropewalks", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-ropewalks-exit", "chain-pkg-exit", "pkg",
          [Part("cd ropewalks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-roper-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-json-log-formatter-jsonseq", f"{PIP} show -f json-log-formatter jsonseq", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f json-log-formatter jsonseq")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-hawsershed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-hawsershed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "strandbook"), gauge.rename(tmp / "tarkettlegauge")
    genv = dict(GO_ENV)
    cap("go-list-json-strandbook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-strandbook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-tarkettlegauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd tarkettlegauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "tarkettle", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "ropeyarns", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "ropeyarns").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-tarkettle", f"{eslint} -f json . 2>&1", lint / "tarkettle", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "ropeyarns", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
w742.CURL_MD = [("curl-md-d3-geo-projection-readme", "d3-geo-projection/README.md", ""),
                ("curl-md-d3-tip-readme", "d3-tip/README.md", ""),
                ("curl-md-d3-svg-legend-readme", "d3-svg-legend/README.md", ""),
                ("curl-md-d3-hsv-readme", "d3-hsv/README.md", ""),
                ("curl-md-d3-cam02-readme", "d3-cam02/README.md", ""),
                ("curl-md-d3-regression-readme", "d3-regression/README.md", ""),
                ("curl-md-d3-selection-multi-readme", "d3-selection-multi/README.md", ""),
                ("curl-md-d3-weighted-voronoi-readme", "d3-weighted-voronoi/README.md", ""),
                ("curl-md-commander-readme", "commander/Readme.md", "")]  # d3-geo-projection's dependency
w742.CURL_HTML = []
w742.CAT_MIN = [("cat-min-d3-geo-projection", "d3-geo-projection/dist/d3-geo-projection.min.js", ""),
                ("cat-min-d3-regression", "d3-regression/dist/d3-regression.min.js", ""),
                ("cat-min-d3-simple-slider", "d3-simple-slider/dist/d3-simple-slider.min.js", ""),
                ("cat-min-d3-weighted-voronoi", "d3-weighted-voronoi/build/d3-weighted-voronoi.min.js", ""),
                ("cat-min-d3-svg-legend", "d3-svg-legend/d3-legend.min.js", "")]
w742.CURL_CHAIN = ("chain-curl-md-d3-scale-cluster-readme-exit", "d3-scale-cluster/README.md",
                   "d3-scale-cluster/CHANGELOG.md")
docs = w742.docs

DOCS_MD = [("oc-webfetch-md-d3-simple-slider-readme", "d3-simple-slider/README.md"),
           ("oc-webfetch-md-ckmeans-readme", "ckmeans/README.md")]  # d3-scale-cluster's dependency
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-d3-cam02", "d3-cam02/build/d3-cam02.min.js"),
            "bash": ("bash-cat-min-d3-selection-multi", "d3-selection-multi/build/d3-selection-multi.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-ropewalks", "n_npm_ls_json", "cd ropewalks && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-d3-svg-legend", "n_jq_lines", "npm view d3-svg-legend --json | jq '.versions'"),
    ("oc-bash-npm-view-d3-tip", "n_npm_view", "npm view d3-tip --json"),
    ("oc-bash-pip-show-json-log-formatter-ruff", "n_pip_show", "pip show json-log-formatter jsonseq ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-750 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd ropewalks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List ropewalks's dependency tree")
    lock = w469.Spec("oc-read-lock-ropewalks", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/ropewalks/package-lock.json"}, "json")
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
            f"cp -a {tmp}/ropewalks ropewalks && cp -r {tmp}/hawsershed-ws hawsershed-ws",
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
    sys.modules.setdefault("capture_wide788", sys.modules["__main__"])
    main()
