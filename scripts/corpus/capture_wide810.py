"""Capture round 810 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 750, 788 and 803's pattern), with names from a bookbinder's shop (bindery, headbandshed, signaturebook,
foldergauge; quires sewn into the endpapers, headbands sold by the pair, the bookbinders' rounds), seed 81019: npm
packages markdown-it-anchor 10.0.0, markdown-it-footnote 4.0.0, markdown-it-emoji 3.1.0, markdown-it-container 4.0.0,
markdown-it-attrs 5.0.1, markdown-it-deflist 4.0.0, markdown-it-abbr 2.0.0, markdown-it-task-lists 2.1.1,
markdown-it-sub 2.0.0 and markdown-it-mark 4.0.0 installed here (markdown-it 15 as the peer of two of them, eslint
10.16.0 beside them as a tool): package JSON from npm view / npm ls / package-lock.json of the bindery app with a
missing dependency, an invalid range and an invalid peer put in, jq over them; a venv of jsonschema-rs 0.60.3 and
jsonalias 0.1.2 with ruff 0.17.6 as a tool (pip inspect, pip show); a Cargo workspace for cargo metadata and
Cargo.lock; two local Go modules (signaturebook, and foldergauge with a missing import) for go list -json; a loopback
JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in;
the installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one headless
OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 803's module is IMPORTED (with round 788's,
750's, 742's, 734's, ... behind it); every module global it set is set again below to this round's seed, packages,
scratch, ports and members, and this round's word lists are round 803's with their right-hand sides renamed through
one table (coppersmith -> bookbinder). Round 742's `api` and `docs` steps run as they are, on this round's globals;
`packages`, `specs` and `opencode` name their round's own packages and directories, so they are written again here on
this round's. No new extractor: each kind's needles come from the extractor rounds 803, 788, 750 and 742 used for it,
imported through `capture_wide803._imports` (NEEDLES.md's "Round 810: no new rules"). Nothing captured here was
compressed.

Tools: node 20, npm 11, go 1.19, cargo 1.95, jq 1.6, curl 7.88, Python 3.11 with pip 23.2, eslint 10.16.0, ruff 0.17.6.
Scratch: tools under /dev/shm/hm-corpus-wide810, material under /dev/shm/hm-corpus-wide810-run.

Usage:   .venv/bin/python scripts/corpus/capture_wide810.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide810.json  as {"version": 2, "items": [...]}, ids prefixed "wide810-".
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
import capture_wide803 as w803  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide810-"
DEFAULT_OUT = HERE / "data" / "wide810.json"
TMP = Path("/dev/shm/hm-corpus-wide810-run")
TOOLS = Path("/dev/shm/hm-corpus-wide810")
PY_VERSIONS = {"jsonschema-rs": "0.60.3", "jsonalias": "0.1.2", "ruff": "0.17.6"}
NPM_VERSIONS = {"markdown-it-anchor": "10.0.0", "markdown-it-footnote": "4.0.0", "markdown-it-emoji": "3.1.0",
                "markdown-it-container": "4.0.0", "markdown-it-attrs": "5.0.1", "markdown-it-deflist": "4.0.0",
                "markdown-it-abbr": "2.0.0", "markdown-it-task-lists": "2.1.1", "markdown-it-sub": "2.0.0",
                "markdown-it-mark": "4.0.0", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "markdown-it-footnote"    # a range (^0.11.0) the installed 4.x does not satisfy
INVALID_PEER = "markdown-it-container"    # the local plate's peer (^5.0.0) above the installed 4.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 81019
PORT_API, PORT_DOCS, PORT_STUB = 18810, 28810, 38810

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "markdown-it-mark",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# Round 803's word lists, their right-hand sides (the coppersmith's words) renamed to the bookbinder's, in this order
# (longer words before the words they contain).
BINDER = (
    (f'"{w803.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w803.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("rivetshed", "headbandshed"), ("rivetboard", "headbandboard"), ("rivetbar", "headbandbar"),
    ("Rivetcord", "Headbandcord"), ("rivet", "headband"), ("Rivet", "Headband"),
    ("planish", "signature"), ("Planish", "Signature"),
    ("stake", "folder"), ("Stake", "Folder"),
    ("swage", "board"), ("Swage", "Board"),
    ("coppersmithy_sheets", "bindery_quires"), ("Coppersmithy", "Bindery"), ("coppersmithy", "bindery"),
    ("Coppersmiths", "Bookbinders"), ("coppersmiths", "bookbinders"), ("Coppersmith", "Bookbinder"),
    ("coppersmith", "bookbinder"),
    ('"CS-', '"BB-'),
    ("Sheetboxes", "Quireboxes"), ("sheetboxes", "quireboxes"),
    ("Sheets", "Quires"), ("sheets", "quires"), ("Sheet", "Quire"),
    ("sheet", "quire"),
    ("Bossing", "Sewing"), ("bossing", "sewing"), ("bossed", "sewn"), ("Boss", "Sew"),
    ("boss", "sew"),
    ("Ewers", "Endpapers"), ("ewers", "endpapers"), ("Ewer", "Endpaper"), ("ewer", "endpaper"),
)
LEFTOVER = re.compile(r"rivet|planish|stake|swage|coppersmith|sheet|boss|(?<![a-z])ewer", re.I)


def _binder(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, BINDER)) for old, new in pairs)


def K(text: str) -> str:
    return renamed(text, BINDER)


MEMBERS = [K(m) for m in w803.MEMBERS]
MODS = (w803, w788, w750, w742, w734) + w734.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["board-room", "quire-bench", "signature-shop", "folder-loft", "headband-store", "endpaper-yard"]
w524.LENGTHSMEN = ["Tabitha Quirewell", "Josiah Signatureridge", "Mehitabel Folderby", "Barnabas Endpaperson",
                   "Philippa Headbandley", "Ambrose Boardworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

NAMES, PHRASES, WORDS = _binder(w803.NAMES), _binder(w803.PHRASES), _binder(w803.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if LEFTOVER.search(new)]
assert not _left, f"coppersmith words left after the renaming: {_left[:8]}"
for _m in (w803, w788, w750, w742, w734) + w734.MODS[:15]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 803's imports (788's, 750's, 742's, 734's, ...: the JSON kinds' extractors and the documents')."""
    w803._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w803, name)
    w742.add, w742.cap = add, cap


GO_ENV = w803.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide803", "wide810")
w742.GO_ENV = w750.GO_ENV = w788.GO_ENV = w803.GO_ENV = GO_ENV
_b803 = w742.B
w742.B = lambda text: K(_b803(text))   # round 742's api step names its files B(w734.V(...)): renamed once more
w742.JQ_ROUNDS = w750.JQ_ROUNDS = w788.JQ_ROUNDS = w803.JQ_ROUNDS = JQ_ROUNDS = K(w803.JQ_ROUNDS)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
_have = w734._have  # reads w734.JS, pointed at this round's below
w734.JS = JS


# ---------------------------------------------------------------- steps (round 742's, on this round's packages)

api_server = w742.api_server
api = w742.api


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "bindery")
    ws = w548.build_workspace(tmp).rename(tmp / "headbandshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "signatureplate")
    cap("npm-view-json-markdown-it-anchor", "npm view markdown-it-anchor --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-markdown-it-footnote-exit", "chain-pkg-exit", "pkg",
          [Part("npm view markdown-it-footnote --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")],
          tmp, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in markdown-it-emoji markdown-it-container markdown-it-attrs markdown-it-deflist markdown-it-abbr "
        "markdown-it-task-lists markdown-it-sub markdown-it-mark; "
        "do npm view $p --json | jq '[.name, .version, .description, .license, .homepage, "
        ".\"dist-tags\".latest, .dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines,
        timeout=300)
    cap("cat-package-lock-bindery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-bindery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-bindery",
        "jq '{name, version, description, dependencies, devDependencies}' package.json", app, n_json_file)
    chain("chain-npm-ls-json-bindery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-bindery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-bindery-exit", "chain-pkg-exit", "pkg",
          [Part("cd bindery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-bookbinder-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-jsonschema-rs-jsonalias", f"{PIP} show -f jsonschema-rs jsonalias", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f jsonschema-rs jsonalias")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-headbandshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-headbandshed", "cat Cargo.lock", ws, n_cargo_lock)
    book, gauge = w548.build_go(tmp)
    book, gauge = book.rename(tmp / "signaturebook"), gauge.rename(tmp / "foldergauge")
    genv = dict(GO_ENV)
    cap("go-list-json-signaturebook", "go list -json ./...", book, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-signaturebook", "go list -json -deps ./...", book, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-foldergauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd foldergauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "folder", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "endpapers", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.LOCK_BEAMS_PY.items()})
    pkg = next((p.name for p in (lint / "endpapers").iterdir() if p.is_dir()), ".")
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-folder", f"{eslint} -f json . 2>&1", lint / "folder", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap(f"ruff-json-{pkg.replace('_', '-')}",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null",
        lint / "endpapers", n_ruff_json, timeout=300,
        typed=f"ruff check --no-cache --isolated --select ALL --output-format json {pkg} 2>/dev/null")


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
w742.CURL_MD = [("curl-md-markdown-it-anchor-readme", "markdown-it-anchor/README.md", ""),
                ("curl-md-markdown-it-emoji-readme", "markdown-it-emoji/README.md", ""),
                ("curl-md-markdown-it-container-readme", "markdown-it-container/README.md", ""),
                ("curl-md-markdown-it-deflist-readme", "markdown-it-deflist/README.md", ""),
                ("curl-md-markdown-it-abbr-readme", "markdown-it-abbr/README.md", ""),
                ("curl-md-markdown-it-task-lists-readme", "markdown-it-task-lists/README.md", ""),
                ("curl-md-markdown-it-task-lists-changelog", "markdown-it-task-lists/CHANGELOG.md", ""),
                ("curl-md-markdown-it-mark-readme", "markdown-it-mark/README.md", ""),
                # markdown-it's dependency (markdown-it the peer of markdown-it-anchor and markdown-it-attrs)
                ("curl-md-linkify-it-readme", "linkify-it/README.md", "")]
w742.CURL_HTML = []
w742.CAT_MIN = [("cat-min-markdown-it-emoji", "markdown-it-emoji/dist/markdown-it-emoji.min.js", ""),
                ("cat-min-markdown-it-footnote", "markdown-it-footnote/dist/markdown-it-footnote.min.js", ""),
                ("cat-min-markdown-it-deflist", "markdown-it-deflist/dist/markdown-it-deflist.min.js", ""),
                ("cat-min-markdown-it-anchor-umd", "markdown-it-anchor/dist/markdownItAnchor.umd.js", "")]
# markdown-it-footnote ships no CHANGELOG.md: the chain's second curl fails and it ends with curl's exit status.
w742.CURL_CHAIN = ("chain-curl-md-markdown-it-footnote-readme-exit", "markdown-it-footnote/README.md",
                   "markdown-it-footnote/CHANGELOG.md")
docs = w742.docs

DOCS_MD = [("oc-webfetch-md-markdown-it-attrs-readme", "markdown-it-attrs/README.md"),
           ("oc-webfetch-md-markdown-it-sub-readme", "markdown-it-sub/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-markdown-it-abbr", "markdown-it-abbr/dist/markdown-it-abbr.min.js"),
            "bash": ("bash-cat-min-markdown-it-container", "markdown-it-container/dist/markdown-it-container.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-bindery", "n_npm_ls_json", "cd bindery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-markdown-it-attrs", "n_jq_lines", "npm view markdown-it-attrs --json | jq '.versions'"),
    ("oc-bash-npm-view-markdown-it-mark", "n_npm_view", "npm view markdown-it-mark --json"),
    ("oc-bash-pip-show-jsonschema-rs-jsonalias-ruff", "n_pip_show", "pip show jsonschema-rs jsonalias ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-803 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.OC_BASH = _have(DOCS_MD), DOCS_HTML, OC_BASH
    w635.MINIFIED = {k: v for k, v in MINIFIED.items() if _have([v])}
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd bindery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List bindery's dependency tree")
    lock = w469.Spec("oc-read-lock-bindery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/bindery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/bindery bindery && cp -r {tmp}/headbandshed-ws headbandshed-ws",
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
    sys.modules.setdefault("capture_wide810", sys.modules["__main__"])
    main()
