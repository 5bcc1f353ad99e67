"""Capture round 635 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 603, 615 and 628's pattern), with names from a glovery (glovery, gussetshed, trankbook, gussetgauge;
tranks cut on the benches, gloves sold by the pair, the trankers' rounds), seed 63517: npm packages stickybits,
scrollama, textfit, balance-text, tributejs, muuri, vanilla-picker, keen-slider, zdog and dygraphs installed here
(package JSON from npm view / npm ls / package-lock.json of the glovery app with a missing dependency, an invalid range
and an invalid peer put in, jq over them); a venv of langdetect, pyjokes, zhon, hanziconv, pypinyin, textblob and ruff
(pip inspect, pip show); a Cargo workspace (gussetshed) for cargo metadata and Cargo.lock; two local Go modules
(trankbook, and gussetgauge with a missing import) for go list -json; a loopback JSON API (tranks cut on the benches
in pages with timestamps, glove sales, the trankers' rounds) fetched with curl, json.tool and jq -c; eslint -f json
and ruff's JSON reporter on code with faults put in; the installed packages' documentation fetched with curl from a
loopback server, minified files cat'ed; one headless OpenCode run (package commands, read, webfetch of installed
documentation, minified JS).

The material is not written anew and no earlier round's code is copied: round 628's module is IMPORTED (its module
code points rounds 615's, 603's, 548's, 524's, 517's, 506's, 497's and 469's globals at round 628's; everything is
pointed again below at this round's seed, packages, scratch, ports and members), and this round's word lists are
round 628's with their right-hand sides renamed through one table (onion fair -> glovery), so round 548's builders
write glovery files. The steps whose commands name round 628's packages and files are this round's own, calling the
same extractors. No new extractor: each kind's needles come from the extractor round 628 used for it, imported
through `capture_wide628._imports` (NEEDLES.md's "Round 635: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide635.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide635.json  as {"version": 2, "items": [...]}, ids prefixed "wide635-".
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402
import capture_wide469 as w469  # noqa: E402
import capture_wide497 as w497  # noqa: E402
import capture_wide506 as w506  # noqa: E402
import capture_wide517 as w517  # noqa: E402
import capture_wide524 as w524  # noqa: E402
import capture_wide548 as w548  # noqa: E402
import capture_wide603 as w603  # noqa: E402
import capture_wide615 as w615  # noqa: E402
import capture_wide628 as w628  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide635-"
DEFAULT_OUT = HERE / "data" / "wide635.json"
TMP = Path("/dev/shm/hm-corpus-wide635")
TOOLS = Path("/dev/shm/hm-corpus-wide635-tools")
PY_VERSIONS = {"langdetect": "1.0.9", "pyjokes": "0.8.3", "zhon": "2.1.1", "hanziconv": "0.3.2",
               "pypinyin": "0.55.0", "textblob": "0.20.1", "ruff": "0.17.6"}
NPM_VERSIONS = {"stickybits": "3.7.11", "scrollama": "3.2.0", "textfit": "2.4.0", "balance-text": "3.3.1",
                "tributejs": "5.1.3", "muuri": "0.9.5", "vanilla-picker": "2.12.3", "keen-slider": "6.8.6",
                "zdog": "1.1.3", "dygraphs": "2.2.2", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "keen-slider"  # round 524's viewerjs: a range (^0.11.0) the installed 6.x does not satisfy
INVALID_PEER = "tributejs"     # round 524's typed.js: the local plate's peer (^6.0.0) a major above the installed 5.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 63517
PORT_API, PORT_DOCS, PORT_STUB = 18635, 28635, 38635

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "dygraphs",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["trankhook", "pointbook", "tranker", "cuffbar", "benchwall", "gussetshed"]

for _m in (w628, w615, w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w628, w615, w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["cutting-room", "stitching-room", "pointing-room", "drying-loft", "press-room", "packing-room"]
w524.LENGTHSMEN = ["Hester Doeswell", "Amos Trankard", "Prudence Seamley", "Josiah Cuffwright", "Tabitha Thumbley",
                   "Obadiah Hemming"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB  # OpenCode's doc server on this round's port

# Round 628's word lists, their right-hand sides (the onion fair's words) renamed to the glovery's, in this order.
GLOVE = (
    ('"autonumeric": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"intro.js": "^9.0.0"', f'"{INVALID_PEER}": "^6.0.0"'),
    ("string snapped at the stall: onions bruised, sale refunded",
     "seam split at the bench: gloves torn, sale refunded"),
    ("Onion fair: strings hung on the stalls, onions sold by the string, the stringers' rounds",
     "Glovery: tranks cut on the benches, gloves sold by the pair, the trankers' rounds"),
    ("Stall name plates and the stringers' chalked boards", "Bench name plates and the trankers' chalked boards"),
    ("Stalls, their trestles and the sacking heaps they hold", "Benches, their shears and the kidskin heaps they hold"),
    ("Onion sales, hawkers and the prices by the string", "Glove sales, hawkers and the prices by the pair"),
    ("the plait rota", "the gusset rota"), ("plait runs", "gusset runs"),
    ("Sacks, their bars and the drying log", "Cuffs, their bars and the drying log"),
    ("The fair wall, its gates and the mud marks", "The bench wall, its gates and the chalk marks"),
    ("Onion fair: stalls, hawkers and stringers", "Glovery: benches, hawkers and trankers"),
    ("strings hung on the stalls", "tranks cut on the benches"), ("onions sold by the string", "gloves sold by the pair"),
    ("sacking laid in the stalls", "kidskin laid on the benches"),
    ("fair-stall-hangings", "glovery-bench-cuttings"), ("stall-hangings", "bench-cuttings"),
    ("StallHangingError", "BenchCuttingError"), ("sack bar", "cuff bar"), ("hanging ledger", "cutting ledger"),
    ("hung_at", "cut_at"), ('"OS-', '"GL-'), ("stuttgarter", "kidskin"), ("redbaron", "doeskin"),
    ("onion pair", "glove pair"), ("ailsacraig", "cabretta"), ("fairground", "workroom"), ("ringside", "benchside"),
    ("string-rounds", "trank-rounds"), ('"plait"', '"gusset"'), ("onion-sales", "glove-sales"),
    ("(hanging S-", "(cutting S-"), ("node fair.js", "node glovery.js"),
    ("onionfair", "glovery"), ("ropeshed", "gussetshed"), ("plaitplate", "trankplate"), ("rushkit", "fourchettekit"),
    ("ropestall", "kidskinbench"), ("onion_stalls", "glove_tranks"), ("onionbook", "trankbook"),
    ("bulbgauge", "gussetgauge"), ("skinkit", "hemkit"), ("skinboard", "hemboard"), ("shallotbook", "thumbbook"),
    ("sackbar", "cuffbar"), ("stallwall", "benchwall"), ("plaithook", "trankhook"), ("stringbook", "pointbook"),
    ("Stringer", "Tranker"), ("stringers", "trankers"), ("stringer", "tranker"), ("Rushcord", "Hemcord"),
    ("Onion fair", "Glovery"), ("Onion", "Glove"), ("onions", "gloves"), ("onion", "glove"),
    ("Stalls", "Benches"), ("stalls", "benches"), ("Stall", "Bench"), ("stall", "bench"),
    ("hanging", "cutting"), ("Hang", "Cut"), ("hang", "cut"), ("trestles", "shears"), ("Trestle", "Shear"),
    ("sacking", "kidskin"), ("Sacks", "Cuffs"), ("Sack", "Cuff"), ("sack", "cuff"), ("Plait", "Gusset"),
    ("plait", "gusset"), ("by the string", "by the pair"),
)


def _glove(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, GLOVE)) for old, new in pairs)


NAMES, PHRASES, WORDS = _glove(w628.NAMES), _glove(w628.PHRASES), _glove(w628.WORDS)
GENERATED = PHRASES + NAMES + WORDS
for _m in (w548, w603, w615, w628):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 628's imports (615's, 603's, 524's, ...: the JSON kinds' extractors and the documents')."""
    w628._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w628, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_ROUNDS = renamed(w628.JQ_ROUNDS, GLOVE)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "glovery")             # round 548's builders write under its own
    ws = w548.build_workspace(tmp).rename(tmp / "gussetshed-ws")   # directory names: moved to this round's
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "trankplate")  # round 548's plate's dir
    cap("npm-view-dygraphs-json", "npm view dygraphs --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-muuri-exit", "chain-pkg-exit", "pkg",
          [Part("npm view muuri --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in stickybits scrollama textfit balance-text tributejs muuri vanilla-picker zdog; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-glovery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-glovery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-glovery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-glovery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-glovery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-glovery-exit", "chain-pkg-exit", "pkg",
          [Part("cd glovery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-glove-venv-head", f"{PIP} inspect 2>/dev/null | head -n 400", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 400")
    cap("pip-show-files-langdetect-pyjokes-zhon",
        f"{PIP} show -f langdetect pyjokes zhon hanziconv pypinyin", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f langdetect pyjokes zhon hanziconv pypinyin")
    cap("pip-show-files-textblob-nltk-six", f"{PIP} show -f textblob six defusedxml nltk", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f textblob six defusedxml nltk")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-gussetshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-gussetshed", "cat Cargo.lock", ws, n_cargo_lock)
    trankbook, gussetgauge = w548.build_go(tmp)
    trankbook, gussetgauge = trankbook.rename(tmp / "trankbook"), gussetgauge.rename(tmp / "gussetgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-trankbook", "go list -json ./...", trankbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-gussetgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd gussetgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "kidskinbench", {renamed(k, GENERATED): renamed(v, GENERATED)
                                          for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "benches", {renamed(k, GENERATED): renamed(v, GENERATED)
                                     for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-kidskinbench", f"{eslint} -f json . 2>&1", lint / "kidskinbench", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-glove-tranks",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json glove_tranks 2>/dev/null",
        lint / "benches", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json glove_tranks 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-bench-cuttings-page2-json-tool",
        f"curl -s {base}/bench-cuttings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-bench-cuttings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/bench-cuttings/page1.json", n_json_api),
           Part(f"curl -s {base}/bench-cuttings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/bench-cuttings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-glove-sales-json-tool", f"curl -s {base}/glove-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-trank-rounds", f"curl -s {base}/trank-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-stickybits-readme", "stickybits/README.md", ""),
           ("curl-md-scrollama-readme", "scrollama/README.md", ""),
           ("curl-md-tributejs-readme", "tributejs/README.md", ""),
           ("curl-md-dygraphs-changes", "dygraphs/CHANGES.md", "")]
CURL_HTML = [("curl-html-dygraphs-tutorial", "dygraphs/_site/tutorial.html", ""),
             ("curl-html-dygraphs-versions", "dygraphs/_site/versions.html", ""),
             ("curl-html-dygraphs-options-head", "dygraphs/_site/options.html", " | head -n 1400")]
CAT_MIN = [("cat-min-tributejs", "tributejs/dist/tribute.min.js", ""),
           ("cat-min-muuri", "muuri/dist/muuri.min.js", ""),
           ("cat-min-zdog-dist", "zdog/dist/zdog.dist.min.js", ""),
           ("cat-min-vanilla-picker", "vanilla-picker/dist/vanilla-picker.min.js", "")]
CURL_CHAIN = ("chain-curl-md-balance-text-readme-exit", "balance-text/README.md", "balance-text/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28635 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; installed minified files printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        item, have, missing = CURL_CHAIN
        chain(item, "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/{have}", n_markdown),
               Part(f"curl -sf {base}/{missing}", None, "&&"),
               Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    finally:
        srv.terminate()
        srv.wait(timeout=10)
    nm = tmp / "npm-copy"
    for item, path, pipe in CAT_MIN:
        dst = nm / path
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes((JS / "node_modules" / path).read_bytes())
        cap(item, f"cat {path}{pipe}", nm, n_min_js)


DOCS_MD = [("oc-webfetch-md-dygraphs-readme", "dygraphs/README.md"),
           ("oc-webfetch-md-zdog-readme", "zdog/README.md"),
           ("oc-webfetch-md-vanilla-picker-readme", "vanilla-picker/README.md")]
DOCS_HTML = [("oc-webfetch-html-dygraphs-annotations", "dygraphs/_site/annotations.html")]
MINIFIED = {"read": ("oc-read-min-balance-text", "balance-text/balancetext.min.js"),
            "bash": ("bash-cat-min-dygraphs", "dygraphs/dist/dygraph.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-glovery", "n_npm_ls_json", "cd glovery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-keen-slider", "n_jq_lines", "npm view keen-slider --json | jq '.versions'"),
    ("oc-bash-npm-view-tributejs", "n_npm_view", "npm view tributejs --json"),
    ("oc-bash-pip-show-langdetect-textblob", "n_pip_show",
     "pip show langdetect pyjokes zhon hanziconv pypinyin textblob nltk jieba click regex"),
]


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    g = globals()
    S: list = [B(item, g[ext], cmd) for item, ext, cmd in OC_BASH]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd glovery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List glovery's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-glovery", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/glovery/package-lock.json"}, "json")]
    for item, path in DOCS_MD:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-markdown", "doc", "webfetch",
                          {"url": f"{bu}/npm/{path}", "format": "markdown"}, source=f"npm/{path}"))
    for item, path in DOCS_HTML:
        if (JS / "node_modules" / path).is_file():
            O.append(Spec(item, "oc-webfetch-html", "doc", "webfetch", {"url": f"{bu}/npm/{path}", "format": "html"},
                          source=f"npm/{path}"))
    item, path = MINIFIED["read"]
    O.append(Spec(item, "oc-read-minified", "code", "read", {"filePath": f"{nm}/{path}"}, "minified"))
    item, path = MINIFIED["bash"]
    O.append(Spec(item, "bash-cat-minified", "code", "bash",
                  {"command": f"cat {nm}/{path} | head -c 80000",
                   "description": f"Print {Path(path).name}"}, "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 628's way (615's, 603's, ..., 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/glovery glovery && cp -r {tmp}/gussetshed-ws gussetshed-ws",
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
    sys.modules.setdefault("capture_wide635", sys.modules["__main__"])
    main()
