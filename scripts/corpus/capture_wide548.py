"""Capture round 548 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 517, 524 and 531's pattern), with names from a harbour master's office (duesoffice, pilotstation,
mooringbook, tidegauge; ships moored, dues charged, pilots' boardings), seed 54810: npm packages odometer,
particles.js, scrollmagic, shufflejs, slim-select, tocbot, typeit, vivus, webfontloader and zepto installed here
(package JSON from npm view / npm ls / package-lock.json of the duesoffice app with a missing dependency, an invalid
range and an invalid peer put in, jq over them); a venv of strictyaml, wurlitzer, trove-classifiers, portalocker and
ruff (pip inspect, pip show); a Cargo workspace (pilotstation) for cargo metadata and Cargo.lock; two local Go modules
(mooringbook, and tidegauge with a missing import) for go list -json; a loopback JSON API (ship movements in pages
with timestamps, harbour dues, pilots' boardings) fetched with curl, json.tool and jq -c; eslint -f json and ruff's
JSON reporter on code with faults put in; the installed packages' documentation fetched with curl from a loopback
server, a minified file cat'ed; one headless OpenCode run (package commands, read, webfetch of installed
documentation, minified JS).

The material is not written anew: round 524's builders (`capture_wide524.lockcottage`, `lengthsmanhut`,
`go_modules`, `api_files`, `COTTAGEHUT_JS`, `LOCK_BEAMS_PY`) are imported, pointed at this round's seed, packages,
scratch and name lists, run into a staging directory, and every file they write goes through round 531's
`rename_tree` (`capture_wide273_go.renamed`) with this round's words (round 292's way). No new extractor: each kind's
needles come from the extractor round 524 used for it, imported through `capture_wide524._imports` (NEEDLES.md's
"Round 548: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide548.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide548.json  as {"version": 2, "items": [...]}, ids prefixed "wide548-".
"""

from __future__ import annotations

import functools
import os
import shutil
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
from capture_wide273_go import renamed  # noqa: E402
from capture_wide531 import rename_tree  # noqa: E402

ID_PREFIX = "wide548-"
DEFAULT_OUT = HERE / "data" / "wide548.json"
TMP = Path("/dev/shm/hm-corpus-wide548")
TOOLS = Path("/dev/shm/hm-corpus-wide548-tools")
PY_PKGS = ["strictyaml", "wurlitzer", "trove-classifiers", "portalocker", "ruff"]
NPM_PKGS = ["odometer", "particles.js", "scrollmagic", "shufflejs", "slim-select", "tocbot", "typeit", "vivus",
            "webfontloader", "zepto", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "tocbot"    # round 524's viewerjs: a range the installed 4.x does not satisfy
INVALID_PEER = "vivus"      # round 524's typed.js: the local plate's peer a major above the installed 0.4.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 54810
PORT_API, PORT_DOCS, PORT_STUB = 18548, 28548, 38548

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "zepto", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["mooringpost", "duesledger", "harbourpilot", "berthchain", "quaywall", "pilotstation"]

# rounds 524's, 517's, 506's, 497's and 469's modules, pointed at this round's scratch, ports, seed and members
for _m in (w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
# round 524's lock and lengthsmen lists, this round's berths and pilots (its api_files reads them)
w524.LOCKS = ["north-quay", "south-quay", "fish-dock", "tide-basin", "ferry-stage", "outer-mole"]
w524.LENGTHSMEN = ["Martha Quayle", "Edwin Mooring", "Nell Pilcher", "Josiah Berthold", "Clara Dueson",
                   "Walter Harbord"]
w9b.TMP = TMP

# round 524's names for this round's: the app's files get only NAMES (its lock holds real packages' metadata);
# the generated trees (workspace, Go modules, API answers, lint code) get PHRASES, NAMES, then WORDS.
NAMES = (
    ("Lock keeper's cottage: balance beams swung, paddles wound, lengthsmen's bank walks",
     "Harbour master's office: ships moored, dues charged, pilots' boardings"),
    ("Balance-beam name plates and the lengthsmen's painted boards",
     "Berth name plates and the pilots' painted tide boards"),
    ('"viewerjs": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"typed.js": "^4.0.0"', f'"{INVALID_PEER}": "^9.0.0"'),
    ("node cottage.js", "node office.js"),
    ("lengthsmanhut-ws", "pilotstation-ws"), ("lengthsmanhut", "pilotstation"), ("lockcottage", "duesoffice"),
    ("cottageplate", "berthplate"), ("windlasskit", "pilotkit"), ("cottagehut", "pilothut"),
    ("lock_beams", "harbour_dues"), ("cottagebook", "mooringbook"), ("beamgauge", "tidegauge"),
    ("stopboardkit", "buoykit"), ("stopboard", "buoyboard"), ("leakbook", "siltbook"),
    ("stopplank", "berthchain"), ("cottagewall", "quaywall"), ("beamarm", "mooringpost"),
    ("paddlegear", "duesledger"),
    ("Lengthsman", "HarbourPilot"), ("lengthsmen", "harbourpilots"), ("lengthsman", "harbourpilot"),
)
PHRASES = (
    ("Balance beams, their arms and the heel posts they swing", "Mooring posts, their bollards and the warps they hold"),
    ("Ground and gate paddles, racks and windlass spindles", "Harbour dues, tariffs and the tonnage rates"),
    ("The lengthsmen's beats and bank-walk rota", "The pilots' watches and the boarding rota"),
    ("Stop planks, their grooves and the dewatering log", "Berth chains, their shackles and the slack log"),
    ("The cottage's lock wall, copings and the flood marks", "The quay wall, its fenders and the tide marks"),
    ("Lock keeper's cottage: beams, paddles and lengthsmen", "Harbour master's office: moorings, dues and pilots"),
    ("balance beams swung open and shut", "ships moored and cast off"),
    ("ground paddles wound with the windlass", "dues charged by the tonnage"),
    ("the lengthsmen's beats and bank walks", "the pilots' watches and boardings"),
    ("stop boards dropped in the grooves", "buoy boards laid in the fairway"),
)
WORDS = (
    ("cottage-beam-swings", "harbour-ship-moves"), ("beam-swings", "ship-moves"),
    ("BeamSwingError", "ShipMoveError"), ("heel post", "bollard"), ("defects book", "dues ledger"),
    ("swung_at", "moved_at"), ("arc_deg", "draught_m"), ("push_kgf", "tow_kn"), ('"gates"', '"berths"'),
    ("lock-passages", "harbour-dues"), ('"LP-', '"HD-'), ("narrowboat", "coaster"),
    ("widebeam", "trawler"), ("butty pair", "tug and barge"), ("day boat", "yacht"),
    (" through the ", " at the "),
    ("ground paddle jammed half wound: chamber would not fill, passage refunded",
     "dues invoice rejected: vessel tonnage missing, charge voided"),
    ("bank-walks", "pilot-boardings"), ('"bank"', '"station"'), ('"B-', '"P-'), ("towpath", "seaward"),
    ("offside", "landward"), ("seep_lpm", "delay_min"), ("walked_at", "boarded_at"),
    ('"sound"', '"aboard"'), ('"slipping"', '"late"'), ('"collapsed"', '"aborted"'),
    ("(swing S-", "(move M-"),
    ("heelpost", "bollard"), ("heels", "warps"), ("beams", "ships"), ("beam", "ship"), ("swing", "moor"),
    ("Swing", "Moor"), ("Heel", "Warp"), ("Arc", "Draught"), ("Wind", "Charge"), ("Rack", "Tariff"),
    ("Spindle", "Rate"), ("Beat", "Watch"), ("Walk", "Boarding"), ("Report", "Manifest"), ("Drop", "Cast"),
    ("paddles", "dues"), ("paddle", "due"), ("chamber", "berth"), ("push", "tow"), ("degree", "metre"),
    ("beat", "watch"), ("walk(", "board("), ("miles", "tides"), ("pound", "quay"),
)
GENERATED = PHRASES + NAMES + WORDS


def _imports():
    """Round 524's imports (517's, 506's, 497's, 469's, 383's, with the JSON kinds' extractors and the documents')."""
    w524._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w524, name)


# ---------------------------------------------------------------- material: round 524's builders, renamed

def build_app(tmp: Path) -> Path:
    """Round 524's lockcottage with this round's packages, renamed: its package.json, lock and local plate."""
    stage = tmp / "stage"
    old = w524.lockcottage(stage)
    root = tmp / "duesoffice"
    root.mkdir(parents=True, exist_ok=True)
    for f in ("package.json", "package-lock.json"):
        (root / f).write_text(renamed((old / f).read_text(), NAMES))
    plate = old / "node_modules" / "cottageplate"
    rename_tree(plate, root / "node_modules" / "berthplate", NAMES)
    shutil.rmtree(plate)
    for p in (old / "node_modules").iterdir():
        p.rename(root / "node_modules" / p.name)
    return root


def build_workspace(tmp: Path) -> Path:
    old = w524.lengthsmanhut(tmp / "stage")
    (old / "Cargo.lock").unlink()
    root = rename_tree(old, tmp / "pilotstation-ws", GENERATED)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def build_go(tmp: Path) -> tuple[Path, Path]:
    a, b = w524.go_modules(tmp / "stage")
    return rename_tree(a, tmp / "mooringbook", GENERATED), rename_tree(b, tmp / "tidegauge", GENERATED)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_BOARDINGS = ("jq -c '.[] | {id, station, harbourpilot, status, delay: .delay_min, amount: .cost_cents, "
                "boarded_at}'")
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    stage = tmp / "stage" / "www"
    w524.api_files(stage)
    www = rename_tree(stage, tmp / "www", GENERATED)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = build_app(tmp)
    ws = build_workspace(tmp)
    cap("npm-view-tocbot-json", "npm view tocbot --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-webfontloader-json", "npm view webfontloader --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-odometer-exit", "chain-pkg-exit", "pkg",
          [Part("npm view odometer --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-npm-view-slim-select-exit", "chain-pkg-exit", "pkg",
          [Part("npm view slim-select --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-devdeps-keys-npm-view-tocbot", "npm view tocbot --json | jq '.devDependencies | keys'",
        tmp, n_jq_lines, timeout=300)
    cap("jq-devdeps-keys-npm-view-slim-select", "npm view slim-select --json | jq '.devDependencies | keys'", tmp,
        n_jq_lines, timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in odometer particles.js scrollmagic shufflejs typeit vivus; do npm view $p --json "
        "| jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, .dist.tarball]'; done", tmp,
        n_jq_lines, timeout=300)
    cap("cat-package-lock-duesoffice", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-duesoffice", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-duesoffice", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-duesoffice-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-duesoffice", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-duesoffice-exit", "chain-pkg-exit", "pkg",
          [Part("cd duesoffice", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-harbour-venv-head", f"{PIP} inspect 2>/dev/null | head -n 300", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 300")
    cap("pip-show-files-wurlitzer-portalocker-strictyaml", f"{PIP} show -f wurlitzer portalocker strictyaml", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f wurlitzer portalocker strictyaml")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-pilotstation", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd pilotstation-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                                  n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-pilotstation", "cat Cargo.lock", ws, n_cargo_lock)
    mooringbook, tidegauge = build_go(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-mooringbook", "go list -json ./...", mooringbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-tidegauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd tidegauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "pilothut", {renamed(k, GENERATED): renamed(v, GENERATED)
                                      for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "dues", {renamed(k, GENERATED): renamed(v, GENERATED)
                                  for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-pilothut", f"{eslint} -f json . 2>&1", lint / "pilothut", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-harbour-dues",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json harbour_dues 2>/dev/null",
        lint / "dues", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json harbour_dues 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-ship-moves-page2-json-tool",
        f"curl -s {base}/ship-moves/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-ship-moves-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/ship-moves/page1.json", n_json_api),
           Part(f"curl -s {base}/ship-moves/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/ship-moves/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-harbour-dues-json-tool", f"curl -s {base}/harbour-dues.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-pilot-boardings", f"curl -s {base}/pilot-boardings.json | {JQ_BOARDINGS}", tmp, n_jq_compact)


CURL_MD = [("curl-md-scrollmagic-readme", "scrollmagic/README.md", ""),
           ("curl-md-slim-select-readme", "slim-select/README.md", ""),
           ("curl-md-webfontloader-readme-head", "webfontloader/README.md", " | head -n 120")]
CURL_HTML = [("curl-html-odometer-docs-welcome", "odometer/docs/welcome/index.html", "")]
CAT_MIN = [("cat-min-zepto", "zepto/dist/zepto.min.js", "")]


def docs(tmp: Path) -> None:
    """The installed packages' documentation served from 127.0.0.1:28548 (stopped before OpenCode's run, whose own
    doc server takes the port) and fetched with curl; an installed minified file printed with cat."""
    srv = cm.start(f"cd {JS / 'node_modules'} && exec python3 -m http.server {PORT_DOCS} --bind 127.0.0.1")
    time.sleep(1.5)
    try:
        base = f"http://127.0.0.1:{PORT_DOCS}"
        for item, path, pipe in CURL_MD:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_markdown)
        for item, path, pipe in CURL_HTML:
            cap(item, f"curl -s {base}/{path}{pipe}", tmp, n_html)
        chain("chain-curl-md-particles-readme-exit", "chain-curl-exit", "doc",
              [Part(f"curl -sf {base}/particles.js/README.md", n_markdown),
               Part(f"curl -sf {base}/particles.js/CHANGELOG.md", None, "&&"),
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


DOCS_MD = [("oc-webfetch-md-tocbot-readme", "tocbot/README.md"),
           ("oc-webfetch-md-vivus-readme", "vivus/readme.md")]
DOCS_HTML = [("oc-webfetch-html-vivus-index", "vivus/index.html")]
MINIFIED = {"read": ("oc-read-min-scrollmagic-js", "scrollmagic/scrollmagic/minified/ScrollMagic.min.js"),
            "bash": ("bash-cat-min-tocbot", "tocbot/dist/tocbot.min.js")}


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-duesoffice", n_npm_ls_json, "cd duesoffice && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-typeit", n_jq_lines, "npm view typeit --json | jq '.versions'"),
        B("oc-bash-npm-view-zepto", n_npm_view, "npm view zepto --json"),
        B("oc-bash-pip-show-strictyaml-dateutil", n_pip_show, "pip show strictyaml python-dateutil trove-classifiers"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd duesoffice", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List duesoffice's dependency tree"))
    bu = "{BASE}"
    O = [Spec("oc-read-lock-duesoffice", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/duesoffice/package-lock.json"}, "json")]
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
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print tocbot.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 531's way (524's, 517's, 506's, 497's, 469's, 463's): capture_opencode's doc server and stub on this
    round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/duesoffice duesoffice && cp -r {tmp}/pilotstation-ws pilotstation-ws",
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
    sys.modules.setdefault("capture_wide548", sys.modules["__main__"])
    main()
