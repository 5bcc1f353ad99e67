#!/usr/bin/env python3
"""Corpus round 782: Node package managers in commands and formats the corpus lacks (pnpm list --json / --parseable,
pnpm outdated --long / --format json, pnpm licenses list --json, pnpm install errors, yarn 4 explain peer-requirements /
info --json / dedupe --check, bun pm ls / outdated / why, npm install --dry-run, npm fund --json, npm explain --json)
beside kinds it has (pnpm why, npm explain, npm ls --all on a broken tree, npm outdated --json, yarn 4 why and install,
bun install, npm query), on a glove maker's generated monorepo with faults put in.

Tools: from npm pnpm 9.15.9, @yarnpkg/cli-dist 4.18.1 (yarn 4), bun 1.4.5; the machine's npm 11.19.1, Node v20.20.2.
The packages the monorepo names are real ones from the npm registry.

Usage: .venv/bin/python scripts/corpus/capture_wide782.py [--out PATH]
Needle rules: NEEDLES.md's "Round 782" section. Never runs the compressor.
Writes: scripts/corpus/data/wide782.json, ids prefixed "wide782-"
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_wide10_eco import n_pnpm_why  # noqa: E402,F401
from capture_wide6_new2 import n_npm_explain  # noqa: E402,F401
from capture_wide46_js import N_NPM_LS_BROKEN  # noqa: E402,F401
from capture_wide2 import n_npm_outdated_json  # noqa: E402,F401
from capture_wide109_pkg import n_berry_why  # noqa: E402,F401
from capture_wide31_js import N_YARN_BERRY, N_BUN_INSTALL  # noqa: E402,F401
from capture_wide8_dev import n_npm_query  # noqa: E402,F401
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide782-"
DEFAULT_OUT = HERE / "data" / "wide782.json"
TOOLS = Path("/dev/shm/hm-corpus-wide782")
TMP = Path("/dev/shm/hm-corpus-wide782-run")
SEED = 78210
NPM_PKGS = ["pnpm@9.15.9", "@yarnpkg/cli-dist@4.18.1", "bun@1.4.5"]
BIN = TOOLS / "tools" / "node_modules" / ".bin"
PNPM, YARN, BUN = BIN / "pnpm", BIN / "yarn", BIN / "bun"
ENV = {"PNPM_HOME": str(TOOLS / "pnpm-home"),
       "YARN_ENABLE_TELEMETRY": "0", "YARN_NODE_LINKER": "node-modules", "YARN_ENABLE_PROGRESS_BARS": "0",
       "YARN_ENABLE_IMMUTABLE_INSTALLS": "0", "BUN_INSTALL_CACHE_DIR": str(TOOLS / "bun-cache"),
       "DO_NOT_TRACK": "1"}
_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def _shape(s: str) -> str:
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "Q", s))


_ERR = r"^npm (error|ERR!)|ERR_PNPM_|^error:|^error |YN\d{4}: .*(?i:error|failed|couldn't|not found)"

# ------------------------------------------------------------------ new kinds

_GROUPS = {"dependencies", "devDependencies", "optionalDependencies", "unsavedDependencies"}


@kind("pnpm-list-json", "json")
def n_pnpm_list_json(lines):
    """rule 5: every project's "name" line; every direct dependency's opening line and its "version" line"""
    out, names, deps = [], [], []
    for i, ln in enumerate(lines):
        m = re.match(r'^(\s*)"([^"]+)": \{$', ln)
        if m and m.group(2) not in _GROUPS:
            deps.append((len(m.group(1)), i, ln))
        n = re.match(r'^(\s*)"name": ', ln)
        if n:
            names.append((len(n.group(1)), ln))
    if names:
        top = min(d for d, _ in names)
        out += [ln for d, ln in names if d == top]
    if deps:
        top = min(d for d, _, _ in deps)
        for d, i, ln in deps:
            if d == top:
                out.append(ln)
                v = cm.next_match(lines, i, r'^\s*"version": ', 6)
                if v:
                    out.append(v)
    return out


@kind("pnpm-list-parseable", "listing")
def n_pnpm_list_parseable(lines):
    """rule 5: every line (a project or a direct dependency: path:name@version), the first 80"""
    return [ln for ln in lines if ln.strip()][:80]


@kind("pnpm-outdated-long", "table")
def n_pnpm_outdated_long(lines):
    """rules 4+5: the header row and every package row's first line (each an outdated package)"""
    out = []
    for ln in lines:
        m = re.match(r"^│ (\S[^│]*?)\s*│", ln)
        if m:
            out.append(ln)
    return out


@kind("pnpm-outdated-json", "json")
def n_pnpm_outdated_json(lines):
    """rule 5: every package's opening line; "current"/"wanted" lines where they differ; every isDeprecated true"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r'^  "[^"]+": \{$', ln):
            out.append(ln)
            cur = wan = None
            for ln2 in lines[i + 1:i + 12]:
                if re.match(r'^  \S', ln2):
                    break
                if re.match(r'^\s+"current": ', ln2):
                    cur = ln2
                elif re.match(r'^\s+"wanted": ', ln2):
                    wan = ln2
            if cur and wan and cur.split(":", 1)[1].strip(" ,") != wan.split(":", 1)[1].strip(" ,"):
                out += [cur, wan]
        elif re.match(r'^\s+"isDeprecated": true', ln):
            out.append(ln)
    return out


@kind("pnpm-licenses-json", "json")
def n_pnpm_licenses_json(lines):
    """rule 4: every license's opening line, and the "name" line of every package under a license held by <=2 packages"""
    out, cur, held = [], None, {}
    for ln in lines:
        m = re.match(r'^  "([^"]+)": \[$', ln)
        if m:
            cur = ln
            out.append(ln)
            held[cur] = []
        elif cur and re.match(r'^      "name": ', ln):
            held[cur].append(ln)
    for lic, names in held.items():
        if len(names) <= 2:
            out += names
    return out


@kind("pnpm-install-err", "pkg")
def n_pnpm_install_err(lines):
    """rules 1+3: ERR_PNPM lines with cause lines; peer-issue lines with their dependent; WARN one any per (shape, pkg); Done"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if "ERR_PNPM_" in ln:
            out.append(ln)
            for ln2 in lines[i + 1:i + 7]:
                if not ln2.strip():
                    break
                out.append(ln2)
        elif "Issues with peer dependencies found" in ln:
            out.append(ln)
        elif re.search(r"✕ (unmet|missing) peer", ln):
            out.append(ln)
            ind = len(ln) - len(ln.lstrip(" │├└─┬"))
            for k in range(i - 1, -1, -1):
                s = lines[k]
                if re.search(r"[├└]─[┬─] \S+", s) and "✕" not in s and len(s) - len(s.lstrip(" │├└─┬")) < ind:
                    out.append(s)
                    break
        elif re.search(r"\bWARN\b", ln):
            m = re.search(r"(@?[\w.-]+(/[\w.-]+)?)@\d+\.\d+\.\d+", ln)
            pairs.append(((_shape(re.sub(r"\S+@\d\S*", "P", ln)), m.group(1) if m else ""), ln))
        elif re.match(r"^Done in ", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("yarn-explain-peer-requirements", "pkg")
def n_yarn_explain_peers(lines):
    """rules 1+5: every ✘ line (an unsatisfied requirement), the first line when one hash is explained, YN error lines"""
    out = [ln for ln in lines if "✘" in ln or re.search(_ERR, ln)]
    if lines and any("→" in ln for ln in lines[1:]) and not re.match(r"^p[0-9a-f]+ → ", lines[0]):
        out.insert(0, next(ln for ln in lines if ln.strip()))
    return out


@kind("yarn-info-json", "json")
def n_yarn_info_json(lines):
    """rule 5: every record line (first 200 characters); YN error lines"""
    return [ln[:200] for ln in lines if ln.startswith("{")] + [ln for ln in lines if re.search(_ERR, ln)]


@kind("yarn-dedupe-check", "pkg")
def n_yarn_dedupe_check(lines):
    """rules 1+3+5: every `can be deduped` line, the count line, YN error lines, the Done / Failed line"""
    return [ln for ln in lines if "can be deduped" in ln or re.search(_ERR, ln)
            or re.search(r"➤ YN0000: (Done|Failed)|^(Done|Failed) ", ln)]


def n_bun_pm_ls_for(direct: list[str]):
    @kind("bun-pm-ls", "listing")
    def n_bun_pm_ls(lines):
        """rule 5: the header line (<dir> node_modules (N)) and the line of every direct dependency of the root"""
        out = [ln for ln in lines if re.search(r"node_modules( \(\d+\))?$", ln)][:1]
        for name in direct:
            hit = next((ln for ln in lines if re.match(r"^[│├└─ ]*" + re.escape(name) + "@", ln)), None)
            if hit:
                out.append(hit)
        return out
    return n_bun_pm_ls


@kind("bun-outdated", "table")
def n_bun_outdated(lines):
    """rules 4+5: the header row and every row whose Current differs from its Update; error lines"""
    out = []
    head = None
    for ln in lines:
        cells = [c.strip() for c in ln.strip().strip("│|").split("│" if "│" in ln else "|")]
        if "Package" in cells and "Current" in cells:
            head = cells
            out.append(ln)
        elif head and len(cells) == len(head) and cells[0] and not set(cells[0]) <= set("─-"):
            d = dict(zip(head, cells))
            if d.get("Current") != d.get("Update"):
                out.append(ln)
        elif re.search(r"^error:", ln):
            out.append(ln)
    return out


@kind("bun-why", "pkg")
def n_bun_why(lines):
    """rule 5 for why: every line of each chain, the first 80; error lines"""
    return [ln for ln in lines if ln.strip()][:80] + [ln for ln in lines if re.search(r"^error:", ln)]


def n_npm_dry_for(direct: list[str]):
    @kind("npm-install-dry-run", "pkg")
    def n_npm_install_dry(lines):
        """rules 1+3+5: remove/change lines, add lines of direct deps, npm error lines, warn any per (shape, pkg), closing line"""
        out, pairs = [], []
        for ln in lines:
            m = re.match(r"^(add|remove|change)\s+(\S+)", ln)
            if m and (m.group(1) != "add" or m.group(2) in direct):
                out.append(ln)
            elif re.match(r"^npm (error|ERR!)", ln):
                out.append(ln)
            elif re.match(r"^npm warn", ln):
                pk = re.search(r"(@?[\w.-]+(/[\w.-]+)?)@\d+\.\d+", ln)
                pairs.append(((_shape(re.sub(r"\S+@\d\S*", "P", ln)), pk.group(1) if pk else ""), ln))
            elif re.match(r"^(added|removed|changed|up to date)\b", ln):
                out.append(ln)
        return out + groups(pairs)
    return n_npm_install_dry


@kind("npm-fund-json", "json")
def n_npm_fund_json(lines):
    """rule 5: the "length" line, every funded package's opening line and every "url" line (first 60 each)"""
    out = [ln for ln in lines if re.match(r'^\s*"length": ', ln)]
    opens = []
    for i, ln in enumerate(lines):
        if re.match(r'^\s+"[^"]+": \{$', ln) and not re.match(r'^\s+"(dependencies|funding)": ', ln):
            if any('"funding"' in x or '"url"' in x for x in lines[i + 1:i + 4]):
                opens.append(ln)
    return out + opens[:60] + [ln for ln in lines if re.match(r'^\s*"url": ', ln)][:60]


@kind("npm-explain-json", "json")
def n_npm_explain_json(lines):
    """rule 5 for explain: every "name", "version" and "spec" line (the chains' links), the first 120"""
    return [ln for ln in lines if re.match(r'^\s*"(name|version|spec)": ', ln)][:120]


# ------------------------------------------------------------------ the glovery

WORDS = ["tank", "trank", "fourchette", "thumb", "quirk", "gusset", "welt", "points", "binding", "hem", "kid",
         "cape", "nappa", "peccary", "cabretta", "deerskin", "lining", "stretcher", "dolly", "table-cutter"]

# pinned: (installed exact version, range written afterwards)
WS = {
    "tanks": {"react": ("18.2.0", "^18.2.0"), "react-dom": ("17.0.2", "17.0.2"), "lodash": ("4.17.15", "^4.17.15"),
              "chalk": ("4.1.0", "^4.1.0")},
    "tranks": {"express": ("4.17.1", "^4.17.1"), "semver": ("6.0.0", "^6.0.0"), "uuid": ("8.0.0", "^8.0.0"),
               "debug": ("2.6.9", "^2.6.9")},
    "fourchettes": {"mobx": ("6.10.0", "^6.10.0"), "mobx-react": ("6.3.1", "6.3.1"), "commander": ("5.0.0", "^5.0.0"),
                    "minimist": ("1.2.0", "^1.2.0"), "@glovery/thumbs": ("WS", "WS")},
    "thumbs": {"date-fns": ("2.0.0", "^2.0.0"), "dayjs": ("1.11.0", "^1.11.0"), "classnames": ("2.3.0", "^2.3.0"),
               "uuid": ("3.4.0", "^3.4.0"), "lodash": ("4.17.21", "^4.17.21")},
}
ROOT_DEV = {"prettier": ("3.0.0", "^3.0.0"), "typescript": ("5.4.5", "~5.4.5")}


def _src(rng: random.Random, ws: str) -> str:
    fns = []
    for _ in range(rng.randint(3, 6)):
        a, b = rng.sample(WORDS, 2)
        name = re.sub(r"-(\w)", lambda m: m.group(1).upper(), f"{a}-{b}")
        fns.append(f"function {name}(size) {{\n  return Math.round(size * {rng.uniform(0.8, 1.4):.3f} * 10) / 10;\n}}\n")
    return "'use strict';\n\n" + "\n".join(fns) + f"\nmodule.exports = {{ workspace: '{ws}' }};\n"


def write_glovery(root: Path, pm: str, stage: str, rng: random.Random) -> None:
    """The monorepo for package manager `pm`; stage 'pin' writes exact versions, 'range' the ranges after install."""
    idx = 0 if stage == "pin" else 1
    wsref = "*" if pm == "npm" else "workspace:*"
    root.mkdir(parents=True, exist_ok=True)
    pkg = {"name": "glovery", "version": "1.4.0", "private": True, "description": "A glove maker's workshop tools",
           "workspaces": [f"packages/{w}" for w in WS],
           "devDependencies": {k: v[idx] for k, v in ROOT_DEV.items()}}
    if pm == "yarn":
        pkg["packageManager"] = "yarn@4.18.1"
    (root / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    if pm == "pnpm":
        (root / "pnpm-workspace.yaml").write_text("packages:\n" + "".join(f"  - packages/{w}\n" for w in WS))
    if pm == "yarn":
        (root / ".yarnrc.yml").write_text("nodeLinker: node-modules\nenableTelemetry: false\n")
    for w, deps in WS.items():
        d = root / "packages" / w
        d.mkdir(parents=True, exist_ok=True)
        dd = {k: (wsref if v[0] == "WS" else v[idx]) for k, v in deps.items()}
        wp = {"name": f"@glovery/{w}", "version": f"0.{rng.randint(1, 9)}.{rng.randint(0, 12)}", "main": "index.js",
              "license": rng.choice(["MIT", "ISC", "UNLICENSED"]), "dependencies": dd}
        (d / "package.json").write_text(json.dumps(wp, indent=2) + "\n")
        (d / "index.js").write_text(_src(rng, w))


def set_dep(root: Path, ws: str | None, name: str, spec: str | None, field: str = "dependencies") -> None:
    p = root / "package.json" if ws is None else root / "packages" / ws / "package.json"
    d = json.loads(p.read_text())
    if spec is None:
        d.get(field, {}).pop(name, None)
    else:
        d.setdefault(field, {})[name] = spec
    p.write_text(json.dumps(d, indent=2) + "\n")


def r(cmd: str, cwd: Path, timeout: int = 400) -> str:
    return cm.run(f"nice {cmd}", cwd=cwd, env=ENV, timeout=timeout)


def c(item: str, typed: str, cmd: str, cwd: Path, ext, timeout: int = 300) -> None:
    add(item, typed, r(cmd, cwd, timeout), ext)


def ensure_tools() -> None:
    t = TOOLS / "tools"
    if not PNPM.exists() or not YARN.exists() or not BUN.exists():
        t.mkdir(parents=True, exist_ok=True)
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund " + " ".join(NPM_PKGS), cwd=t, timeout=600)


# ------------------------------------------------------------------ steps

def npm_side(tmp: Path) -> None:
    rng = random.Random(SEED)
    g = tmp / "npm" / "glovery"
    write_glovery(g, "npm", "pin", rng)
    cm.note(r("npm install --no-audit --no-fund --legacy-peer-deps", g, 600)[-300:])
    rng2 = random.Random(SEED)
    write_glovery(g, "npm", "range", rng2)
    cm.note(r("npm install --no-save --no-audit --no-fund --legacy-peer-deps is-odd@3.0.1", g, 300)[-200:])
    set_dep(g, "tanks", "lodash", "^3.10.1")  # invalid against the installed 4.17.15
    c("npm-explain-json-debug", "npm explain --json debug", "npm explain --json debug", g, n_npm_explain_json)
    c("npm-explain-json-ms", "npm explain --json ms", "npm explain --json ms", g, n_npm_explain_json)
    c("npm-explain-loose-envify", "npm explain loose-envify", "npm explain loose-envify", g, n_npm_explain)
    c("npm-fund-json", "npm fund --json", "npm fund --json", g, n_npm_fund_json)
    c("npm-ls-all-broken", "npm ls --all 2>&1", "npm ls --all", g, N_NPM_LS_BROKEN)
    c("npm-outdated-json", "npm outdated --json 2>&1", "npm outdated --json", g, n_npm_outdated_json)
    c("npm-query-dev", "npm query ':root > .dev'", "npm query ':root > .dev'", g, n_npm_query)
    cm.note(r("npm install --no-audit --no-fund --legacy-peer-deps -w packages/tranks fastify@4.28.1", g, 600)[-300:])
    c("npm-fund-json-fastify", "npm fund --json", "npm fund --json", g, n_npm_fund_json)
    # install --dry-run after package.json changes
    direct = sorted({k for deps in WS.values() for k in deps} | set(ROOT_DEV) | {"ms", "nanoid", "zod", "lodash",
                                                                                   "is-odd"})
    ext = n_npm_dry_for(direct)
    set_dep(g, "tanks", "lodash", "^4.17.15")
    set_dep(g, "tanks", "chalk", None)
    set_dep(g, "tanks", "ms", "^2.1.3")
    c("npm-install-dry-run-tanks", "npm install --dry-run --legacy-peer-deps",
      "npm install --dry-run --no-audit --no-fund --legacy-peer-deps", g, ext)
    set_dep(g, "tranks", "express", "^4.21.0")
    set_dep(g, "tranks", "nanoid", "^3.3.7")
    set_dep(g, None, "typescript", "^5.6.0", "devDependencies")
    c("npm-install-dry-run-bumps", "npm install --dry-run --legacy-peer-deps",
      "npm install --dry-run --no-audit --no-fund --legacy-peer-deps", g, ext)
    set_dep(g, "thumbs", "zod", "^3.23.0")
    c("npm-install-dry-run-peers", "npm install --dry-run", "npm install --dry-run --no-audit --no-fund", g, ext)
    set_dep(g, "thumbs", "left-pad", "^9.0.0")
    c("npm-install-dry-run-etarget", "npm install --dry-run --legacy-peer-deps",
      "npm install --dry-run --no-audit --no-fund --legacy-peer-deps", g, ext)


def pnpm_side(tmp: Path) -> None:
    rng = random.Random(SEED)
    g = tmp / "pnpm" / "glovery"
    write_glovery(g, "pnpm", "range", rng)
    (g / ".npmrc").write_text(f"resolution-mode=lowest-direct\nauto-install-peers=true\nstore-dir={TOOLS / 'pnpm-store'}\n")
    c("pnpm-install-peers", "pnpm install", "{} install --reporter=append-only".format(PNPM), g,
      n_pnpm_install_err, 600)
    c("pnpm-list-json-r", "pnpm list -r --json --depth 0", f"{PNPM} list -r --json --depth 0", g, n_pnpm_list_json)
    c("pnpm-list-json-tanks", "cd packages/tanks && pnpm list --json --depth 0", f"{PNPM} list --json --depth 0",
      g / "packages/tanks", n_pnpm_list_json)
    c("pnpm-list-json-fourchettes", "cd packages/fourchettes && pnpm list --json --depth 0",
      f"{PNPM} list --json --depth 0", g / "packages/fourchettes", n_pnpm_list_json)
    c("pnpm-list-parseable-r", "pnpm list -r --parseable --long", f"{PNPM} list -r --parseable --long", g,
      n_pnpm_list_parseable)
    c("pnpm-list-parseable-tranks", "cd packages/tranks && pnpm list --parseable --long --depth 1",
      f"{PNPM} list --parseable --long --depth 1", g / "packages/tranks", n_pnpm_list_parseable)
    for w in ["tanks", "tranks", "thumbs"]:
        c(f"pnpm-outdated-long-{w}", f"cd packages/{w} && pnpm outdated --long", f"{PNPM} outdated --long",
          g / "packages" / w, n_pnpm_outdated_long)
    for w in ["tranks", "thumbs"]:
        c(f"pnpm-outdated-json-{w}", f"cd packages/{w} && pnpm outdated --format json",
          f"{PNPM} outdated --format json", g / "packages" / w, n_pnpm_outdated_json)
    c("pnpm-licenses-json", "pnpm licenses list --json", f"{PNPM} licenses list --json", g, n_pnpm_licenses_json)
    c("pnpm-licenses-json-tranks", "pnpm licenses list --json --filter @glovery/tranks",
      f"{PNPM} licenses list --json --filter @glovery/tranks", g, n_pnpm_licenses_json)
    c("pnpm-why-ms", "pnpm why -r ms", f"{PNPM} why -r ms", g, n_pnpm_why)
    c("pnpm-why-loose-envify", "pnpm why -r loose-envify", f"{PNPM} why -r loose-envify", g, n_pnpm_why)
    # faults
    g2 = tmp / "pnpm" / "glovery-fresh"
    shutil.copytree(g, g2, ignore=shutil.ignore_patterns("node_modules", "pnpm-lock.yaml"))
    c("pnpm-install-strict-peers", "pnpm install --strict-peer-dependencies",
      f"{PNPM} install --strict-peer-dependencies --reporter=append-only", g2, n_pnpm_install_err, 400)
    set_dep(g, "thumbs", "dayjs", "^1.8.0")
    c("pnpm-install-frozen", "pnpm install --frozen-lockfile",
      f"{PNPM} install --frozen-lockfile --reporter=append-only", g, n_pnpm_install_err, 400)
    set_dep(g, "thumbs", "left-pad", "^9.0.0")
    c("pnpm-install-no-matching", "pnpm install --no-frozen-lockfile",
      f"{PNPM} install --no-frozen-lockfile --reporter=append-only", g, n_pnpm_install_err, 400)
    set_dep(g, "thumbs", "left-pad", None)
    set_dep(g, "tranks", "@glovery-tools/welt-gauge", "^1.0.0")
    c("pnpm-install-404", "pnpm install --no-frozen-lockfile",
      f"{PNPM} install --no-frozen-lockfile --reporter=append-only", g, n_pnpm_install_err, 400)


def yarn_side(tmp: Path) -> None:
    rng = random.Random(SEED)
    g = tmp / "yarn" / "glovery"
    write_glovery(g, "yarn", "pin", rng)
    c("yarn-install-peers", "yarn install", f"{YARN} install", g, N_YARN_BERRY, 600)
    rng2 = random.Random(SEED)
    write_glovery(g, "yarn", "range", rng2)
    set_dep(g, "tanks", "lodash", "^4.17.0")
    set_dep(g, "tranks", "ms", "^2.0.0")
    set_dep(g, "thumbs", "semver", "^6.3.0")
    set_dep(g, "fourchettes", "uuid", "^8.3.0")
    set_dep(g, "fourchettes", "date-fns", "^2.29.0")
    c("yarn-install-ranges", "yarn install", f"{YARN} install", g, N_YARN_BERRY, 400)
    # older resolutions pinned in the lockfile, as a project installed long ago holds them
    for desc, res in [("lodash@npm:^4.17.0", "npm:4.17.15"), ("ms@npm:^2.0.0", "npm:2.0.0"),
                      ("semver@npm:^6.0.0", "npm:6.0.0"), ("uuid@npm:^8.0.0", "npm:8.0.0"),
                      ("date-fns@npm:^2.0.0", "npm:2.0.0")]:
        cm.note(r(f"{YARN} set resolution {desc} {res}", g, 300)[-200:])
    c("yarn-explain-peer-requirements", "yarn explain peer-requirements", f"{YARN} explain peer-requirements", g,
      n_yarn_explain_peers)
    out = r(f"{YARN} explain peer-requirements", g)
    hashes = re.findall(r"^(p[0-9a-f]+) → ✘", out, re.M)
    for h in hashes[:2]:
        c(f"yarn-explain-peer-requirements-{h}", f"yarn explain peer-requirements {h}",
          f"{YARN} explain peer-requirements {h}", g, n_yarn_explain_peers)
    c("yarn-info-json-all", "yarn info -A --json", f"{YARN} info -A --json", g, n_yarn_info_json)
    c("yarn-info-json-tanks", "cd packages/tanks && yarn info --json", f"{YARN} info --json", g / "packages/tanks",
      n_yarn_info_json)
    c("yarn-info-json-tranks-deps", "cd packages/tranks && yarn info --json --dependents",
      f"{YARN} info --json --dependents", g / "packages/tranks", n_yarn_info_json)
    c("yarn-dedupe-check", "yarn dedupe --check", f"{YARN} dedupe --check", g, n_yarn_dedupe_check)
    c("yarn-dedupe-check-lodash", "yarn dedupe --check 'lodash' 'ms'", f"{YARN} dedupe --check 'lodash' 'ms'", g,
      n_yarn_dedupe_check)
    c("yarn-why-ms-r", "yarn why -R ms", f"{YARN} why -R ms", g, n_berry_why)


def bun_side(tmp: Path) -> None:
    rng = random.Random(SEED)
    g = tmp / "bun" / "glovery"
    write_glovery(g, "bun", "pin", rng)
    c("bun-install", "bun install", f"{BUN} install --no-progress", g, N_BUN_INSTALL, 600)
    direct = list(ROOT_DEV) + [f"@glovery/{w}" for w in WS]
    c("bun-pm-ls-all-pinned", "bun pm ls --all", f"{BUN} pm ls --all", g, n_bun_pm_ls_for(direct))
    rng2 = random.Random(SEED)
    write_glovery(g, "bun", "range", rng2)
    cm.note(r(f"{BUN} install --no-progress", g, 400)[-300:])
    direct = list(ROOT_DEV) + [f"@glovery/{w}" for w in WS]
    cm.note(r(f"{BUN} add --no-progress fastify@4.28.1", g / "packages/tranks", 400)[-300:])
    c("bun-pm-ls-all-fastify", "bun pm ls --all", f"{BUN} pm ls --all", g, n_bun_pm_ls_for(direct))
    c("bun-outdated-r", "bun outdated -r", f"{BUN} outdated -r", g, n_bun_outdated)
    c("bun-outdated-tanks", "bun outdated --filter @glovery/tanks", f"{BUN} outdated --filter @glovery/tanks", g,
      n_bun_outdated)
    c("bun-why-ms", "bun why ms", f"{BUN} why ms", g, n_bun_why)
    c("bun-why-loose-envify", "bun why loose-envify", f"{BUN} why loose-envify", g, n_bun_why)
    c("bun-why-debug", "bun why debug", f"{BUN} why debug", g, n_bun_why)
    for w in ["thumbs"]:
        c(f"bun-outdated-{w}", f"bun outdated --filter @glovery/{w}", f"{BUN} outdated --filter @glovery/{w}", g,
          n_bun_outdated)
    set_dep(g, "tranks", "@glovery-tools/welt-gauge", "^1.0.0")
    set_dep(g, "thumbs", "left-pad", "^9.0.0")
    c("bun-install-broken", "bun install", f"{BUN} install --no-progress", g, N_BUN_INSTALL, 400)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [npm_side, pnpm_side, yarn_side, bun_side],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
