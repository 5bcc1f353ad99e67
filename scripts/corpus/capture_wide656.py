"""Capture round 656 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 628, 635 and 648's pattern), with names from a lorimer's shop (lorimery, spurshed, bitbook, pelhamgauge;
bits filed at the vices, spurs sold by the pair, the lorimers' rounds), seed 65617: npm packages velocity-animate,
dynamics.js, handorgel, alertifyjs, drift-zoom, venobox, simple-datatables, huebee, lunr, minisearch and elasticlunr
installed here (package JSON from npm view / npm ls / package-lock.json of the lorimery app with a missing dependency,
an invalid range and an invalid peer put in, jq over them); a venv of cyrtranslit, iuliia, xpinyin, unihandecode,
timefhuman and ruff (pip inspect, pip show); a Cargo workspace (spurshed) for cargo metadata and Cargo.lock; two local
Go modules (bitbook, and pelhamgauge with a missing import) for go list -json; a loopback JSON API fetched with curl,
json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the installed packages'
documentation fetched with curl from a loopback server, minified files cat'ed; one headless OpenCode run (package
commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 648's module is IMPORTED (with round 635's,
628's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 648's with their right-hand sides renamed through one table
(basket works -> lorimery). No new extractor: each kind's needles come from the extractor round 648 used for it,
imported through `capture_wide648._imports` (NEEDLES.md's "Round 656: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide656.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide656.json  as {"version": 2, "items": [...]}, ids prefixed "wide656-".
"""

from __future__ import annotations

import functools
import os
import sys
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
import capture_wide628 as w628  # noqa: E402
import capture_wide635 as w635  # noqa: E402
import capture_wide648 as w648  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide656-"
DEFAULT_OUT = HERE / "data" / "wide656.json"
TMP = Path("/dev/shm/hm-corpus-wide656")
TOOLS = Path("/dev/shm/hm-corpus-wide656-tools")
PY_VERSIONS = {"cyrtranslit": "1.2.0", "iuliia": "0.13.0", "xpinyin": "0.7.7", "unihandecode": "0.81",
               "timefhuman": "0.1.5", "ruff": "0.17.6"}
NPM_VERSIONS = {"velocity-animate": "2.0.6", "dynamics.js": "1.1.5", "handorgel": "1.0.0", "alertifyjs": "1.14.0",
                "drift-zoom": "1.5.1", "venobox": "2.2.0", "simple-datatables": "10.3.0", "huebee": "2.1.1",
                "lunr": "2.3.9", "minisearch": "7.2.0", "elasticlunr": "0.9.5", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "simple-datatables"  # a range (^0.11.0) the installed 10.x does not satisfy
INVALID_PEER = "minisearch"          # the local plate's peer (^5.0.0) below the installed 7.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 65617
PORT_API, PORT_DOCS, PORT_STUB = 18656, 28656, 38656

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "simple-datatables",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["snafflehook", "pelhambook", "lorimer", "curbbar", "vicewall", "spurshed"]

for _m in (w648, w635, w628, w615, w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w648, w635, w628, w615, w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["quenching-trough", "filing-room", "tinning-shop", "forging-hearth", "polishing-shed", "packing-room"]
w524.LENGTHSMEN = ["Jethro Snaffley", "Tabitha Curbridge", "Amos Pelhamby", "Loveday Cheekham", "Hezekiah Lorrimore",
                   "Temperance Bitwell"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 648's word lists, their right-hand sides (the basket works' words) renamed to the lorimery's, in this order.
LORIMERY = (
    ('"smooth-scrollbar": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"swup": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("rod split at the lapboard: baskets crushed, sale refunded",
     "bit cracked at the vice: spurs scrapped, sale refunded"),
    ("Basket works: rods slewed on the lapboards, baskets sold by the dozen, the basketmakers' rounds",
     "Lorimery: bits filed at the vices, spurs sold by the pair, the lorimers' rounds"),
    ("Lapboard name plates and the basketmakers' chalked boards", "Vice name plates and the lorimers' chalked boards"),
    ("Lapboards, their rapping irons and the rodstock heaps they hold",
     "Vices, their files and the wrought-iron heaps they hold"),
    ("Basket sales, hawkers and the prices by the dozen", "Spur sales, hawkers and the prices by the pair"),
    ("The basketmakers' rounds and the upsett rota", "The lorimers' rounds and the pelham rota"),
    ("Stakes, their bars and the soaking log", "Curbs, their chains and the quenching log"),
    ("The lapboard wall, its gates and the chalk marks", "The vice wall, its gates and the chalk marks"),
    ("Basket works: lapboards, hawkers and basketmakers", "Lorimery: vices, hawkers and lorimers"),
    ("rods slewed on the lapboards", "bits filed at the vices"),
    ("baskets sold by the dozen", "spurs sold by the pair"),
    ("the basketmakers' rounds and upsett runs", "the lorimers' rounds and pelham runs"),
    ("rodstock laid on the lapboards", "wrought iron laid on the vices"),
    ("basketworks-lapboard-slewings", "lorimery-vice-filings"), ("lapboard-slewings", "vice-filings"),
    ("LapboardSlewingError", "ViceFilingError"), ("stake bar", "curb bar"), ("slewing ledger", "filing ledger"),
    ("slewed_at", "filed_at"), ("weight_lb", "weight_oz"), ('"BW-', '"LR-'), ("rodstockbook", "pelhambook"),
    ("rodstock", "wrought"), ("blackmaul", "cast"), ("basket pair", "spur pair"), ("dickymeadow", "plated"),
    ("fitch-rounds", "snaffle-rounds"), ('"upsett"', '"pelham"'), ("rodyard", "filingyard"),
    ("lapboardside", "viceside"), ("(slewing S-", "(filing S-"), ("basket-sales", "spur-sales"),
    ("node basketworks.js", "node lorimery.js"), ("slewshed", "spurshed"), ("basketworks", "lorimery"),
    ("upsettplate", "cheekplate"), ("fitchkit", "snafflekit"), ("stakelapboard", "curbvice"),
    ("basket_fitches", "lorimer_bits"), ("fitchbook", "bitbook"), ("upsettgauge", "pelhamgauge"),
    ("slathkit", "cheekkit"), ("slathboard", "cheekboard"), ("Slathcord", "Cheekcord"), ("slewbook", "filebook"),
    ("stakebar", "curbbar"), ("lapboardwall", "vicewall"), ("fitchhook", "snafflehook"),
    ("Basketmaker", "Lorimer"), ("basketmakers", "lorimers"), ("basketmaker", "lorimer"),
    ("Basket works", "Lorimery"), ("Baskets", "Spurs"), ("Basket", "Spur"), ("baskets", "spurs"), ("basket", "spur"),
    ("Lapboards", "Vices"), ("lapboards", "vices"), ("Lapboard", "Vice"), ("lapboard", "vice"),
    ("Slewing", "Filing"), ("slewing", "filing"), ("Slew", "File"), ("slew", "file"), ("rapping irons", "files"),
    ("Stakes", "Curbs"), ("Stake", "Curb"), ("stake", "curb"), ("Upsett", "Pelham"), ("upsett", "pelham"),
    ("by the dozen", "by the pair"), ("rods", "bits"), ("Fitch", "Snaffle"), ("fitch", "snaffle"),
)
LEFTOVER = ("basket", "lapboard", "slew", "fitch", "upsett", "rodstock", "blackmaul", "dickymeadow", "rodyard",
            "slath", "stake", "rapping")


def _lorimery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, LORIMERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _lorimery(w648.NAMES), _lorimery(w648.PHRASES), _lorimery(w648.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"basket works words left after the renaming: {_left[:8]}"
for _m in (w548, w603, w615, w628, w635, w648):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 648's imports (635's, 628's, ...: the JSON kinds' extractors and the documents')."""
    w648._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w648, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_ROUNDS = renamed(w648.JQ_ROUNDS, LORIMERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = w635.GO_ENV = w648.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "lorimery")
    ws = w548.build_workspace(tmp).rename(tmp / "spurshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "cheekplate")
    cap("npm-view-simple-datatables-json", "npm view simple-datatables --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-velocity-animate-exit", "chain-pkg-exit", "pkg",
          [Part("npm view velocity-animate --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in dynamics.js handorgel alertifyjs drift-zoom venobox huebee lunr elasticlunr; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-lorimery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-lorimery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-lorimery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-lorimery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-lorimery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-lorimery-exit", "chain-pkg-exit", "pkg",
          [Part("cd lorimery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-lorimer-venv-head", f"{PIP} inspect 2>/dev/null | head -n 500", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 500")
    cap("pip-show-files-cyrtranslit-iuliia-xpinyin",
        f"{PIP} show -f cyrtranslit iuliia xpinyin timefhuman", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f cyrtranslit iuliia xpinyin timefhuman")
    cap("pip-show-files-unihandecode-ruff", f"{PIP} show -f unihandecode ruff", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f unihandecode ruff")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-spurshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-spurshed", "cat Cargo.lock", ws, n_cargo_lock)
    bitbook, pelhamgauge = w548.build_go(tmp)
    bitbook, pelhamgauge = bitbook.rename(tmp / "bitbook"), pelhamgauge.rename(tmp / "pelhamgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-bitbook", "go list -json ./...", bitbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-pelhamgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd pelhamgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "curbvice", {renamed(k, GENERATED): renamed(v, GENERATED)
                                      for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "vices", {renamed(k, GENERATED): renamed(v, GENERATED)
                                   for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-curbvice", f"{eslint} -f json . 2>&1", lint / "curbvice", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-lorimer-bits",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json lorimer_bits 2>/dev/null",
        lint / "vices", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json lorimer_bits 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-vice-filings-page2-json-tool",
        f"curl -s {base}/vice-filings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-vice-filings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/vice-filings/page1.json", n_json_api),
           Part(f"curl -s {base}/vice-filings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/vice-filings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-spur-sales-json-tool", f"curl -s {base}/spur-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-snaffle-rounds", f"curl -s {base}/snaffle-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages ship once installed (filled in after install).
CURL_MD = [("curl-md-velocity-animate-changelog", "velocity-animate/CHANGELOG.md", ""),
           ("curl-md-drift-zoom-readme", "drift-zoom/README.md", ""),
           ("curl-md-minisearch-changelog", "minisearch/CHANGELOG.md", ""),
           ("curl-md-lunr-changelog", "lunr/CHANGELOG.md", ""),
           ("curl-md-simple-datatables-upgrading", "simple-datatables/docs/documentation/Upgrading.md", "")]
CURL_HTML = [("curl-html-elasticlunr-index-js", "elasticlunr/docs/index.js.html", ""),
             ("curl-html-lunr-index", "lunr/index.html", ""),
             ("curl-html-huebee-sandbox-basic", "huebee/sandbox/basic.html", "")]
CAT_MIN = [("cat-min-velocity-animate", "velocity-animate/velocity.min.js", ""),
           ("cat-min-alertifyjs", "alertifyjs/build/alertify.min.js", ""),
           ("cat-min-handorgel", "handorgel/lib/js/handorgel.min.js", ""),
           ("cat-min-dynamics", "dynamics.js/lib/dynamics.min.js", ""),
           ("cat-min-simple-datatables-umd", "simple-datatables/dist/umd/simple-datatables.js", "")]
CURL_CHAIN = ("chain-curl-md-venobox-readme-exit", "venobox/README.md", "venobox/HISTORY.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-dynamics-readme", "dynamics.js/README.md"),
           ("oc-webfetch-md-handorgel-readme", "handorgel/README.md"),
           ("oc-webfetch-md-elasticlunr-readme", "elasticlunr/README.md")]
DOCS_HTML = [("oc-webfetch-html-simple-datatables-demos", "simple-datatables/docs/demos/index.html")]
MINIFIED = {"read": ("oc-read-min-huebee", "huebee/dist/huebee.pkgd.min.js"),
            "bash": ("bash-cat-min-lunr", "lunr/lunr.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-lorimery", "n_npm_ls_json", "cd lorimery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-velocity-animate", "n_jq_lines", "npm view velocity-animate --json | jq '.versions'"),
    ("oc-bash-npm-view-alertifyjs", "n_npm_view", "npm view alertifyjs --json"),
    ("oc-bash-pip-show-cyrtranslit-iuliia", "n_pip_show",
     "pip show cyrtranslit iuliia xpinyin unihandecode timefhuman ruff pinyin"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists (its chain's directory and its lockfile's path are round
    635's app's: both items made again on this round's app, as round 648 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd lorimery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List lorimery's dependency tree")
    lock = w469.Spec("oc-read-lock-lorimery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/lorimery/package-lock.json"}, "json")
    swap = {chain_id: mine, "oc-read-lock-glovery": (lock, w469.oc_ext(lock.kind, lock.family, lock))}
    return [swap.get(s[0].id, s) for s in S]


def opencode(tmp: Path) -> None:
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/lorimery lorimery && cp -r {tmp}/spurshed-ws spurshed-ws",
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
    sys.modules.setdefault("capture_wide656", sys.modules["__main__"])
    main()
