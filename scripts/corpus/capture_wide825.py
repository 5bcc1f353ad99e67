"""Capture round 825 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 788, 803 and 810's pattern), with names from a clockmaker's shop (clockworks, arborshed, escapementbook,
pendulumgauge; wheels cut for the movements, arbors sold by the pair, the clockmakers' rounds), seed 82519: npm
packages chartjs-plugin-datalabels 2.2.0, chartjs-plugin-zoom 2.2.0, chartjs-plugin-annotation 3.1.0,
chartjs-chart-matrix 3.1.0, chartjs-chart-treemap 4.2.2, chartjs-chart-financial 0.2.1, chartjs-plugin-deferred 2.0.0,
chartjs-plugin-stacked100 1.7.1 and chartjs-chart-sankey 0.19.1 installed here (chart.js 4.6.1 as their peer, hammerjs
2.0.8 as chartjs-plugin-zoom's dependency, eslint 10.16.0 beside them as a tool): package JSON from npm view / npm ls /
package-lock.json of the clockworks app with a missing dependency, an invalid range and an invalid peer put in, jq over
them; a venv of time-machine 3.6.0 and timeslot 0.1.2 with ruff 0.17.6 as a tool (pip inspect, pip show); a Cargo
workspace for cargo metadata and Cargo.lock; two local Go modules (escapementbook, and pendulumgauge with a missing
import) for go list -json; a loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON
reporter on code with faults put in; the installed packages' documentation fetched with curl from a loopback server,
minified files cat'ed; one headless OpenCode run (package commands, read, webfetch of installed documentation,
minified JS).

No material is written anew and no earlier round's code is copied: round 810's module is IMPORTED (with round 803's,
788's, 750's, 742's, ... behind it); every module global it set is set again below to this round's seed, packages,
scratch, ports and members, and this round's word lists are round 810's with their right-hand sides renamed through
one table (bookbinder -> clockmaker). Round 742's `api` and `docs` steps run as they are, on this round's globals;
`packages`, `specs` and `opencode` name their round's own packages and directories, so they are written again here on
this round's. No new extractor: each kind's needles come from the extractor rounds 810, 803, 788 and 750 used for it,
imported through `capture_wide810._imports` (NEEDLES.md's "Round 825: no new rules"). Nothing captured here was
compressed.

Tools: node 20, npm 11, go 1.19, cargo 1.95, jq 1.6, curl 7.88, Python 3.11 with pip 23.2, eslint 10.16.0, ruff 0.17.6.
Scratch: tools under /dev/shm/hm-corpus-wide825, material under /dev/shm/hm-corpus-wide825-run.

Usage:   .venv/bin/python scripts/corpus/capture_wide825.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide825.json  as {"version": 2, "items": [...]}, ids prefixed "wide825-".
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
import capture_wide788 as w788  # noqa: E402
import capture_wide803 as w803  # noqa: E402
import capture_wide810 as w810  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide825-"
DEFAULT_OUT = HERE / "data" / "wide825.json"
TMP = Path("/dev/shm/hm-corpus-wide825-run")
TOOLS = Path("/dev/shm/hm-corpus-wide825")
PY_VERSIONS = {"time-machine": "3.6.0", "timeslot": "0.1.2", "ruff": "0.17.6"}
NPM_VERSIONS = {"chartjs-plugin-datalabels": "2.2.0", "chartjs-plugin-zoom": "2.2.0",
                "chartjs-plugin-annotation": "3.1.0", "chartjs-chart-matrix": "3.1.0", "chartjs-chart-treemap": "4.2.2",
                "chartjs-chart-financial": "0.2.1", "chartjs-plugin-deferred": "2.0.0",
                "chartjs-plugin-stacked100": "1.7.1", "chartjs-chart-sankey": "0.19.1", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "chartjs-plugin-datalabels"   # a range (^0.11.0) the installed 2.x does not satisfy
INVALID_PEER = "chartjs-plugin-annotation"    # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 82519
PORT_API, PORT_DOCS, PORT_STUB = 18825, 28825, 38825

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "chartjs-chart-sankey",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# Round 810's word lists, their right-hand sides (the bookbinder's words) renamed to the clockmaker's, in this order
# (longer words before the words they contain).
CLOCK = (
    (f'"{w810.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w810.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("headbandshed", "arborshed"), ("headbandboard", "arbordial"), ("headbandbar", "arborbar"),
    ("Headbandcord", "Arborcord"), ("headband", "arbor"), ("Headband", "Arbor"),
    ("signature", "escapement"), ("Signature", "Escapement"),
    ("folder", "pendulum"), ("Folder", "Pendulum"),
    ("board", "dial"), ("Board", "Dial"),
    ("bindery_quires", "clockworks_wheels"), ("Bindery", "Clockworks"), ("bindery", "clockworks"),
    ("Bookbinders", "Clockmakers"), ("bookbinders", "clockmakers"), ("Bookbinder", "Clockmaker"),
    ("bookbinder", "clockmaker"),
    ('"BB-', '"CM-'),
    ("Quireboxes", "Wheelboxes"), ("quireboxes", "wheelboxes"),
    ("Quires", "Wheels"), ("quires", "wheels"), ("Quire", "Wheel"),
    ("quire", "wheel"),
    ("Sewing", "Bushing"), ("sewing", "bushing"), ("sewn", "bushed"), ("Sew", "Bush"),
    ("sew", "bush"),
    ("Endpapers", "Movements"), ("endpapers", "movements"), ("Endpaper", "Movement"), ("endpaper", "movement"),
)
LEFTOVER = re.compile(r"headband|signature|folder|board|bookbinder|bindery|quire|(?<![a-z])sew|endpaper", re.I)


def _clock(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, CLOCK)) for old, new in pairs)


def K(text: str) -> str:
    return renamed(text, CLOCK)


MEMBERS = [K(m) for m in w810.MEMBERS]
MODS = (w810,) + w810.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["dial-room", "wheel-bench", "escapement-shop", "pendulum-loft", "arbor-store", "movement-yard"]
w524.LENGTHSMEN = ["Tabitha Wheelwright", "Josiah Escapementridge", "Mehitabel Pendulumby", "Barnabas Movementson",
                   "Philippa Arborley", "Ambrose Dialworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

NAMES, PHRASES, WORDS = _clock(w810.NAMES), _clock(w810.PHRASES), _clock(w810.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if LEFTOVER.search(new)]
assert not _left, f"bookbinder words left after the renaming: {_left[:8]}"
for _m in (w810,) + w810.MODS[:20]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 810's imports (803's, 788's, 750's, 742's, ...: the JSON kinds' extractors and the documents')."""
    w810._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w810, name)
    w742.add, w742.cap = add, cap


GO_ENV = w810.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide810", "wide825")
w742.GO_ENV = w750.GO_ENV = w788.GO_ENV = w803.GO_ENV = w810.GO_ENV = GO_ENV
_b810 = w742.B
w742.B = lambda text: K(_b810(text))   # round 742's api step names its files B(w734.V(...)): renamed once more
w742.JQ_ROUNDS = w750.JQ_ROUNDS = w788.JQ_ROUNDS = w803.JQ_ROUNDS = w810.JQ_ROUNDS = JQ_ROUNDS = K(w810.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
_have = w734._have  # reads w734.JS, pointed at this round's below
w734.JS = JS


# ---------------------------------------------------------------- steps (round 742's, on this round's packages)

api_server = w742.api_server
api = w742.api


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "clockworks")
    ws = w548.build_workspace(tmp).rename(tmp / "arborshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "escapementplate")
    cap("npm-view-json-chartjs-plugin-datalabels", "npm view chartjs-plugin-datalabels --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-chartjs-plugin-annotation-exit", "chain-pkg-exit", "pkg",
          [Part("npm view chartjs-plugin-annotation --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")],
          tmp, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in chartjs-plugin-zoom chartjs-chart-matrix chartjs-chart-treemap chartjs-chart-financial "
        "chartjs-plugin-deferred chartjs-plugin-stacked100 chartjs-chart-sankey; "
        "do npm view $p --json | jq '[.name, .version, .description, .license, .homepage, "
        ".\"dist-tags\".latest, .dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-clockworks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-clockworks", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-clockworks",
        "jq '{name, version, description, dependencies, devDependencies}' package.json", app, n_json_file)
    chain("chain-npm-ls-json-clockworks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-clockworks", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-clockworks-exit", "chain-pkg-exit", "pkg",
          [Part("cd clockworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-clockmaker-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-time-machine-timeslot", f"{PIP} show -f time-machine timeslot", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f time-machine timeslot")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-arborshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-arborshed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "escapementbook"), gauge.rename(tmp / "pendulumgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-escapementbook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-escapementbook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-pendulumgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd pendulumgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "pendulum", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "movements", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "movements").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-pendulum", f"{eslint} -f json . 2>&1", lint / "pendulum", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "movements", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
w742.CURL_MD = [("curl-md-chartjs-plugin-datalabels-readme", "chartjs-plugin-datalabels/README.md", ""),
                ("curl-md-chartjs-plugin-zoom-readme", "chartjs-plugin-zoom/README.md", ""),
                ("curl-md-chartjs-chart-matrix-readme", "chartjs-chart-matrix/README.md", ""),
                ("curl-md-chartjs-chart-treemap-readme", "chartjs-chart-treemap/README.md", ""),
                ("curl-md-chartjs-chart-financial-readme", "chartjs-chart-financial/README.md", ""),
                ("curl-md-chartjs-plugin-deferred-readme", "chartjs-plugin-deferred/README.md", ""),
                ("curl-md-chartjs-plugin-stacked100-readme", "chartjs-plugin-stacked100/README.md", ""),
                # chartjs-plugin-zoom's dependency and the plugins' peer
                ("curl-md-hammerjs-changelog", "hammerjs/CHANGELOG.md", ""),
                ("curl-md-chart-js-readme", "chart.js/README.md", "")]
w742.CURL_HTML = []
w742.CAT_MIN = [("cat-min-chartjs-plugin-annotation", "chartjs-plugin-annotation/dist/chartjs-plugin-annotation.min.js", ""),
                ("cat-min-chartjs-chart-sankey", "chartjs-chart-sankey/dist/chartjs-chart-sankey.min.js", ""),
                ("cat-min-chartjs-chart-treemap", "chartjs-chart-treemap/dist/chartjs-chart-treemap.min.js", ""),
                ("cat-min-hammerjs", "hammerjs/hammer.min.js", "")]
# chartjs-plugin-annotation ships no CHANGELOG.md: the chain's second curl fails and it ends with curl's exit status.
w742.CURL_CHAIN = ("chain-curl-md-chartjs-plugin-annotation-readme-exit", "chartjs-plugin-annotation/README.md",
                   "chartjs-plugin-annotation/CHANGELOG.md")
docs = w742.docs

DOCS_MD = [("oc-webfetch-md-chartjs-chart-sankey-readme", "chartjs-chart-sankey/README.md"),
           ("oc-webfetch-md-hammerjs-readme", "hammerjs/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-chartjs-plugin-deferred", "chartjs-plugin-deferred/dist/chartjs-plugin-deferred.min.js"),
            "bash": ("bash-cat-min-chartjs-chart-matrix", "chartjs-chart-matrix/dist/chartjs-chart-matrix.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-clockworks", "n_npm_ls_json", "cd clockworks && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-chartjs-plugin-zoom", "n_jq_lines", "npm view chartjs-plugin-zoom --json | jq '.versions'"),
    ("oc-bash-npm-view-chartjs-chart-financial", "n_npm_view", "npm view chartjs-chart-financial --json"),
    ("oc-bash-pip-show-time-machine-timeslot-ruff", "n_pip_show", "pip show time-machine timeslot ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-810 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd clockworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List clockworks's dependency tree")
    lock = w469.Spec("oc-read-lock-clockworks", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/clockworks/package-lock.json"}, "json")
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
            f"cp -a {tmp}/clockworks clockworks && cp -r {tmp}/arborshed-ws arborshed-ws",
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
    sys.modules.setdefault("capture_wide825", sys.modules["__main__"])
    main()
