"""Capture round 429 of the compression corpus: JavaScript workspace and docs tooling from npm, new kinds, on a
funicular's npm workspace (`standseilbahn`: cars, cables, stations, passing loops) written here with faults put in,
seeded from 42910 up: dprint check / --list-different, markuplint over HTML pages, npm-run-all2's run-p / run-s with
a failing script, wireit scripts with a failing dependency, vitepress build with dead links and broken frontmatter,
changeset status --verbose and changeset version, api-extractor run and its API report, license-checker --summary /
--json, tsd over wrong type expectations. The rules are NEEDLES.md's "Round 429" section, one extractor per kind
(`n_<kind>` below), fixed before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide429.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide429.json  as {"version": 2, "items": [...]}, ids prefixed "wide429-".
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, kind, mask, next_match, prev_match, run, write_tree  # noqa: E402

ID_PREFIX = "wide429-"
DEFAULT_OUT = HERE / "data" / "wide429.json"
TMP = Path("/dev/shm/hm-corpus-wide429")
TOOLS = Path("/dev/shm/hm-corpus-wide429-tools")
JS = TOOLS / "js"
NM = JS / "node_modules"
NPM_PKGS = ["dprint", "@dprint/typescript", "@dprint/json", "@dprint/markdown", "markuplint", "npm-run-all2",
            "wireit", "vitepress", "@changesets/cli", "@microsoft/api-extractor", "typescript", "license-checker",
            "tsd"]
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.install_npm(JS, "tsd", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(NM / ".bin")]


# ================================================================== extractors (the rules, fixed before capture)

ERRWORD = re.compile(r"\berror\b", re.I)
LOC = r"\S+\.(?:m?[jt]sx?|html|md|json|vue|d\.ts):\d+(?::\d+)?|[Ll]ine \d+|^file: \S+"


def _loc_after(lines, i, out):
    if not re.search(LOC, lines[i]):
        loc = next_match(lines, i, LOC)
        if loc:
            out.append(loc)


@kind("dprint-check", "lint")
def n_dprint_check(lines):
    """Rules 1+3: one {"any"} per file of its `from <path>:` header lines; every error line and its location line within six; the `Found N not formatted` line."""
    out, files = [], {}
    for i, ln in enumerate(lines):
        if re.match(r"^\s*\d+\|", ln):  # a diff line of the file's source
            continue
        m = re.match(r"^from (.+?):?$", ln.strip())
        if m:
            files.setdefault(m.group(1), []).append(ln)
        elif re.search(r"^Found \d+ not formatted", ln.strip()):
            out.append(ln)
        elif re.search(r"\berrors?\b|syntax|Expected", ln, re.I):
            out.append(ln)
            _loc_after(lines, i, out)
    return [any_of(v) for v in files.values()] + out


@kind("dprint-list-different", "lint")
def n_dprint_list_different(lines):
    """Rule 5: every path printed (a file to fix); any error line (rule 1)."""
    out = []
    for ln in lines:
        if ERRWORD.search(ln):
            out.append(ln)
        elif re.match(r"^\S+\.\w+$", ln.strip()):
            out.append(ln)
    return out


@kind("markuplint", "lint")
def n_markuplint(lines):
    """Rules 1+3: every `error` line and its location within six; warning / info lines one {"any"} per (rule id, file); any closing count line."""
    out, pairs, cur = [], [], ""
    for i, ln in enumerate(lines):
        f = re.search(r"[\w./-]+\.html", ln)
        if f:
            cur = f.group(0)
        if re.search(r"\d+ (problems?|errors?|warnings?)\b", ln) and not re.search(r"\((?:[\w-]+/)?[\w-]+\)", ln):
            out.append(ln)
        elif re.search(r"\berror\b", ln, re.I):
            out.append(ln)
            _loc_after(lines, i, out)
        elif re.search(r"\b(warning|warn|info)\b", ln, re.I):
            rid = re.search(r"\(([\w/@-]+)\)\s*$", ln) or re.search(r"\(([\w/@-]+)\)", ln)
            pairs.append(((rid.group(1) if rid else mask(ln), cur), ln))
    return out + cm.groups(pairs)


def _run_errors(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"ERROR:|npm ERR!|^npm error|\bError\b|[A-Za-z]+Error:|\berror\b|failed|not ok |AssertionError|✖|✗|\bFAIL\b|❌"
                     r"|exited with exit code", ln):
            out.append(ln)
            _loc_after(lines, i, out)
    return out


@kind("run-p", "build")
def n_run_p(lines):
    """Rule 1: every error / failure line (npm-run-all's ERROR:, npm error, the failing script's own, not ok / assertion) and its location within six; rule 3: the closing ERROR line."""
    return _run_errors(lines)


n_run_s = cm.named("run-s", "build", n_run_p.__doc__, n_run_p)


@kind("wireit-run", "build")
def n_wireit(lines):
    """Rules 1+3: every ❌ / error / failed / exited-with-code line and its location within six; any closing `Ran N scripts` / `N failed` line."""
    out = _run_errors(lines)
    out += [ln for ln in lines if re.search(r"Ran \d+ script|\d+ (scripts? )?failed", ln)]
    return out


@kind("vitepress-build", "build")
def n_vitepress(lines):
    """Rules 1+3: every error / dead link / YAML / frontmatter / build error line and its location within six; warnings one {"any"} per (shape, file); the `build complete in` line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\berror\b|Error:|dead link|YAML|frontmatter|build error|build failed|✖", ln, re.I):
            out.append(ln)
            _loc_after(lines, i, out)
            out.append(next_match(lines, i, r"^file: \S+"))  # the page a build error names
        elif re.search(r"^\s*\(!\)|\bwarning\b|\bwarn\b", ln, re.I):
            f = re.search(r"[\w./-]+\.(?:md|vue|js|mjs|ts)", ln)
            pairs.append(((mask(ln), f.group(0) if f else ""), ln))
        elif "build complete in" in ln:
            out.append(ln)
    return out + cm.groups(pairs)


@kind("changeset-status-verbose", "pkg")
def n_changeset_status(lines):
    """Rules 5+1: every package-and-bump line, every `bumped at` section line, every changeset file line; every error line."""
    out = []
    for ln in lines:
        if re.search(r"standseilbahn|bumped at|\.changeset|\.md\b|\berror\b|\b(major|minor|patch)\b", ln, re.I) \
                and ln.strip() not in ("🦋  info", "🦋"):
            out.append(ln)
    return out


@kind("changeset-version", "pkg")
def n_changeset_version(lines):
    """Rules 1+3: every error line and every warn line; the closing `All files have been updated` line."""
    return [ln for ln in lines if re.search(r"\berror\b|\bwarn\b|All files have been updated", ln, re.I)]


@kind("api-extractor-run", "build")
def n_api_extractor_run(lines):
    """Rules 1+3: every Error: / error line; Warning: lines one {"any"} per (message id, file); the `API Extractor completed` line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if "API Extractor completed" in ln:
            out.append(ln)
        elif re.search(r"^\s*Error:|\berror\b", ln, re.I):
            out.append(ln)
            _loc_after(lines, i, out)
        elif re.search(r"^\s*Warning:", ln):
            mid = re.search(r"\(((?:ae|tsdoc)-[\w-]+)\)", ln)
            f = re.search(r"[\w./-]+\.ts", ln)
            pairs.append(((mid.group(1) if mid else mask(ln), f.group(0) if f else ""), ln))
    return out + cm.groups(pairs)


@kind("api-extractor-report", "doc")
def n_api_report(lines):
    """Rule 6: every heading and every exported declaration's first line; rule 1: `// Warning: (ae-…)` lines one {"any"} per message id."""
    out, pairs = [], []
    for ln in lines:
        if re.match(r"^#+ ", ln) or re.match(r"^export ", ln):
            out.append(ln)
        m = re.match(r"^\s*// Warning: \(([\w-]+)\)", ln)
        if m:
            pairs.append((m.group(1), ln))
    return out + cm.groups(pairs)


ODD_LICENSE = re.compile(r"UNKNOWN|UNLICENSED|^Custom|\*$")


@kind("license-checker-summary", "table")
def n_license_summary(lines):
    """Rule 4: the most common license's line, lines with count <= 2 (when the top covers half), UNKNOWN / UNLICENSED / Custom lines, the min and max count lines."""
    rows = []
    for ln in lines:
        m = re.match(r"^[├└]─\s*(.+?):\s*(\d+)\s*$", ln)
        if m:
            rows.append((m.group(1), int(m.group(2)), ln))
    if not rows:
        return []
    total = sum(r[1] for r in rows)
    top = max(rows, key=lambda r: r[1])
    low = min(rows, key=lambda r: r[1])
    out = [top[2], low[2]]
    for name, n, ln in rows:
        if (n <= 2 and top[1] * 2 >= total) or ODD_LICENSE.search(name) or "Custom" in name:
            out.append(ln)
    return out


@kind("license-checker-json", "json")
def n_license_json(lines):
    """Rule 5: for each package with an UNKNOWN / UNLICENSED / Custom / guessed (*) license, its key line and its licenses line; the key line of every workspace package."""
    data = json.loads("\n".join(ln for ln in lines if not ln.startswith("npm ")))
    out = []
    for key, rec in data.items():
        lic = rec.get("licenses", "")
        lics = lic if isinstance(lic, list) else [lic]
        odd = any(ODD_LICENSE.search(str(x)) or str(x).startswith("Custom") for x in lics)
        ws = key.startswith("standseilbahn") or key.startswith("@standseilbahn/")
        if not (odd or ws):
            continue
        kl = f'"{key}": {{'
        idx = next(i for i, ln in enumerate(lines) if ln.strip() == kl)
        out.append(lines[idx])
        if odd:
            for k in range(idx + 1, min(len(lines), idx + 20)):
                if lines[k].strip().startswith('"licenses"'):
                    out.append(lines[k])
                    break
    return out


@kind("tsd", "test")
def n_tsd(lines):
    """Rule 1: every ✖ line and the nearest file line above it within six; rule 3: the closing `N errors` line."""
    out = []
    for i, ln in enumerate(lines):
        if "✖" in ln:
            out.append(ln)
            f = prev_match(lines, i, r"\S+\.ts:\d+:\d+")
            if f:
                out.append(f)
        elif re.match(r"^\s*\d+ errors?\s*$", ln):
            out.append(ln)
    return out


# ================================================================== the workspace

NAMES = ["talstation", "bergstation", "mittelstation", "ausweiche", "wagen-a", "wagen-b", "zugseil", "gegenseil",
         "antrieb", "bremse", "spannwerk", "schiene", "weiche", "kabine", "tuer", "signal", "fahrplan", "wartung"]
WORDS = ["car", "cable", "station", "loop", "tension", "brake", "sheave", "gradient", "door", "schedule", "bogie",
         "rail", "counterweight", "drive", "passenger", "platform", "track", "inspection"]


def ts_module(rnd: random.Random, name: str, n: int) -> str:
    parts = [f"// {name}: funicular {rnd.choice(WORDS)} helpers\n"]
    for k in range(n):
        w, w2 = rnd.choice(WORDS), rnd.choice(WORDS)
        parts.append(
            f"export interface {w.title()}{k}Reading {{\n  id: string;\n  {w2}: number;\n  at: Date;\n}}\n\n"
            f"export function check{w.title()}{k}(r: {w.title()}{k}Reading, limit: number): boolean {{\n"
            f"  const margin = limit - r.{w2};\n  if (margin < {rnd.randint(1, 40)}) {{\n"
            f"    console.warn(\"{w} {k} close to limit\", r.id, margin);\n  }}\n  return margin >= 0;\n}}\n\n")
    return "".join(parts)


def unformat(rnd: random.Random, text: str) -> str:
    """Seeded formatting faults: single quotes, lost semicolons, squeezed or doubled spaces, bad indent."""
    out = []
    for ln in text.splitlines():
        r = rnd.random()
        if r < 0.15:
            ln = ln.replace('"', "'")
        elif r < 0.25:
            ln = ln.rstrip(";")
        elif r < 0.32:
            ln = ln.replace(" = ", "=").replace(": ", ":")
        elif r < 0.38:
            ln = "   " + ln
        out.append(ln)
    return "\n".join(out) + "\n"


def dprint_cfg() -> str:
    return json.dumps({"typescript": {}, "json": {}, "markdown": {}, "excludes": ["**/node_modules"],
                       "plugins": [str(NM / "@dprint" / p / "plugin.wasm") for p in ("typescript", "json", "markdown")]},
                      indent=2)


def make_dprint(root: Path, seed: int, n_files: int, bad_share: float, broken: int) -> None:
    rnd = random.Random(seed)
    files = {"dprint.json": dprint_cfg()}
    for i in range(n_files):
        pk = NAMES[i % len(NAMES)]
        files[f"packages/{pk}/src/{rnd.choice(WORDS)}-{i:02}.ts"] = ts_module(rnd, pk, rnd.randint(1, 4))
        if i % 4 == 0:
            files[f"packages/{pk}/data-{i:02}.json"] = json.dumps(
                {"station": pk, "gradient": rnd.randint(10, 48), "cars": [f"wagen-{c}" for c in "ab"]}, indent=2) + "\n"
        if i % 5 == 0:
            files[f"packages/{pk}/README-{i:02}.md"] = f"# {pk}\n\nThe {pk} part of the funicular.\n\n## Checks\n\n- tension\n- brakes\n"
    write_tree(root, files)
    run("dprint fmt", cwd=root, timeout=120)  # a formatted tree first, then the faults
    rnd2 = random.Random(seed + 1)
    srcs = sorted(root.glob("packages/*/src/*.ts")) + sorted(root.glob("packages/*/*.json"))
    for p in srcs:
        if rnd2.random() < bad_share:
            p.write_text(unformat(rnd2, p.read_text()))
    for p in srcs[:broken]:
        p.write_text(p.read_text() + "\nexport function broken(x: number {\n  return x +;\n}\n")


def cap_dprint(tmp: Path) -> None:
    for k, (seed, n, share, broken) in enumerate([(42910, 14, 0.5, 0), (42911, 40, 0.35, 1), (42912, 90, 0.3, 2)]):
        root = tmp / f"dprint{k}"
        make_dprint(root, seed, n, share, broken)
        cap(f"dprint-check-{k}", "dprint check", root, n_dprint_check, timeout=180)
        cap(f"dprint-list-different-{k}", "dprint check --list-different", root, n_dprint_list_different, timeout=180)


# ---------------------------------------------------------------- markuplint

def html_page(rnd: random.Random, title: str, faults: int) -> str:
    rows = []
    for i in range(rnd.randint(4, 12)):
        rows.append(f"      <tr><td>{rnd.choice(NAMES)}</td><td>{rnd.randint(100, 999)} kN</td></tr>")
    bad = [
        '<img src="wagen.png">',
        '<div><li>loose item</li></div>',
        '<a href="#">Fahrplan</a><a href="#">Fahrplan</a>',
        '<button>Notbremse</button><button>Notbremse</button>',
        '<table><td>no row</td></table>',
        '<input type="text">',
        '<span id="dup"></span><span id="dup"></span>',
        '<p onclick="go()">klick</p>',
        '<h4>skipped heading</h4>',
        '<font color="red">alt</font>',
        '<label>Seil</label>',
        '<ul><div>bad child</div></ul>',
    ]
    body = [rnd.choice(bad) for _ in range(faults)]
    return ("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n  <meta charset=\"utf-8\">\n"
            f"  <title>{title}</title>\n</head>\n<body>\n  <h1>{title}</h1>\n  <main>\n    <table>\n"
            + "\n".join(rows) + "\n    </table>\n    " + "\n    ".join(body) + "\n  </main>\n</body>\n</html>\n")


def cap_markuplint(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(42920, 4), (42921, 16), (42922, 45), (42923, 105)]):
        rnd = random.Random(seed)
        root = tmp / f"markup{k}"
        files = {".markuplintrc": json.dumps({"extends": ["markuplint:recommended"]})}
        for i in range(n):
            nm = NAMES[i % len(NAMES)]
            files[f"site/{nm}-{i:02}.html"] = html_page(rnd, f"Standseilbahn {nm}", rnd.randint(0, 5))
        write_tree(root, files)
        cap(f"markuplint-{k}", 'markuplint "site/**/*.html"', root, n_markuplint, timeout=240)


# ---------------------------------------------------------------- npm-run-all2 and wireit

CHECK_CABLES = """
const seed = Number(process.argv[2] || 1);
let x = seed;
const rnd = () => ((x = (x * 1103515245 + 12345) %% 2147483648) / 2147483648);
const names = %s;
let bad = 0;
for (let i = 0; i < Number(process.argv[3] || 20); i++) {
  const n = names[i %% names.length];
  const kn = Math.round(180 + rnd() * 60);
  console.log(`cable ${n}-${i}: tension ${kn} kN (limit 230)`);
  if (kn > 230) bad++;
}
if (bad) {
  throw new RangeError(`${bad} cable section(s) over the tension limit of 230 kN`);
}
console.log("all cable sections within limits");
"""

BUILD_JS = """
const fs = require("fs");
const n = Number(process.argv[2] || 10);
fs.mkdirSync("dist", { recursive: true });
for (let i = 0; i < n; i++) {
  fs.writeFileSync(`dist/station-${i}.json`, JSON.stringify({ station: i, platform: i % 3 }));
  console.log(`built dist/station-${i}.json`);
}
console.log(`build: ${n} station files written`);
"""

TEST_JS = """
const test = require("node:test");
const assert = require("node:assert");
const seed = %d;
for (let i = 0; i < %d; i++) {
  test(`car ${i %% 2 ? "wagen-a" : "wagen-b"} passes loop ${i}`, () => {
    const speed = 10 + ((i * seed) %% 7);
    assert.ok(speed <= %d, `speed ${speed} m/s over the loop limit`);
  });
}
"""

LINT_JS = """
const lines = Number(process.argv[2] || 10);
for (let i = 0; i < lines; i++) console.log(`schedule row ${i}: ok`);
"""


def runner_ws(root: Path, seed: int, n: int, limit: int, extra: dict | None = None) -> None:
    pkg = {"name": "standseilbahn", "version": "1.0.0", "private": True,
           "scripts": {"lint:schedule": f"node scripts/lint.js {n}", "check:cables": f"node scripts/check.js {seed} {n}",
                       "test:cars": "node --test test/", "build:stations": f"node scripts/build.js {n}"}}
    if extra:
        pkg.update(extra)
    write_tree(root, {"package.json": json.dumps(pkg, indent=2),
                      "scripts/check.js": CHECK_CABLES % json.dumps(NAMES),
                      "scripts/build.js": BUILD_JS, "scripts/lint.js": LINT_JS,
                      "test/cars.test.js": TEST_JS % (seed % 97, n, limit)})


def cap_runners(tmp: Path) -> None:
    for k, (seed, n, limit) in enumerate([(42930, 8, 16), (42931, 30, 15), (42932, 90, 14)]):
        root = tmp / f"runp{k}"
        runner_ws(root, seed, n, limit)
        cap(f"run-p-{k}", "run-p --continue-on-error --print-label lint:* check:* test:* build:*", root, n_run_p,
            timeout=180)
        cap(f"run-s-{k}", "run-s --continue-on-error build:* lint:* check:* test:*" if k != 1 else
            "run-s build:* lint:* test:* check:*", root, n_run_s, timeout=180)


def cap_wireit(tmp: Path) -> None:
    for k, (seed, n, limit) in enumerate([(42940, 8, 16), (42941, 30, 15), (42942, 70, 14)]):
        root = tmp / f"wireit{k}"
        wi = {"build": {"command": f"node scripts/build.js {n}", "dependencies": ["lint", "check", "test"]},
              "lint": {"command": f"node scripts/lint.js {n}"},
              "check": {"command": f"node scripts/check.js {seed} {n}"},
              "test": {"command": "node --test test/"}}
        scripts = {s: "wireit" for s in wi}
        runner_ws(root, seed, n, limit, {"wireit": wi})
        pj = json.loads((root / "package.json").read_text())
        pj["scripts"].update(scripts)
        (root / "package.json").write_text(json.dumps(pj, indent=2))
        env = {"WIREIT_CACHE": "none", "WIREIT_PARALLEL": "1"}
        if k == 2:
            env["WIREIT_FAILURES"] = "continue"
        cap(f"wireit-run-{k}", "npm run build", root, n_wireit, timeout=240, env=env)


# ---------------------------------------------------------------- vitepress

def cap_vitepress(tmp: Path) -> None:
    for k, (seed, n, dead, yaml_bad) in enumerate([(42950, 5, 3, False), (42951, 25, 14, False),
                                                   (42952, 12, 2, True), (42953, 120, 45, False)]):
        rnd = random.Random(seed)
        root = tmp / f"vp{k}"
        files = {"package.json": json.dumps({"name": "standseilbahn-docs", "private": True, "type": "module"}),
                 "docs/.vitepress/config.mjs": "export default {\n  title: 'Standseilbahn',\n"
                 "  description: 'Cars, cables and stations',\n}\n",
                 "docs/index.md": "---\nlayout: home\nhero:\n  name: Standseilbahn\n---\n\n# Standseilbahn\n"}
        pages = [f"guide/{NAMES[i % len(NAMES)]}-{i:02}" for i in range(n)]
        for i, p in enumerate(pages):
            links = [f"[{q}](/{q})" for q in rnd.sample(pages, min(3, len(pages)))]
            if i < dead:
                links.append(f"[missing](/guide/{rnd.choice(WORDS)}-{rnd.randint(100, 999)})")
            fm = f"---\ntitle: {p}\noutline: deep\n---\n"
            if yaml_bad and i in (1, 4):
                fm = f"---\ntitle: {p}\n  tags: [cable, brake\noutline: : deep\n---\n"
            files[f"docs/{p}.md"] = (fm + f"\n# {p}\n\nThe {rnd.choice(WORDS)} of the funicular.\n\n"
                                     + "\n".join(f"- {ln}" for ln in links) + "\n")
        write_tree(root, files)
        run(f"ln -s {NM} node_modules", cwd=root)
        cap(f"vitepress-build-{k}", "npx vitepress build docs", root, n_vitepress, timeout=400)


# ---------------------------------------------------------------- changesets

def cap_changesets(tmp: Path) -> None:
    for k, (seed, n, missing) in enumerate([(42960, 4, 0), (42961, 12, 1), (42962, 18, 0), (42963, 10, 2)]):
        rnd = random.Random(seed)
        root = tmp / f"cs{k}"
        pk = [f"@standseilbahn/{NAMES[i]}" for i in range(n)]
        files = {"package.json": json.dumps({"name": "standseilbahn", "private": True, "version": "0.0.0",
                                             "workspaces": ["packages/*"]}, indent=2),
                 ".changeset/config.json": json.dumps({"changelog": False, "commit": False, "access": "restricted",
                                                       "baseBranch": "main", "updateInternalDependencies": "patch",
                                                       "fixed": [], "linked": [], "ignore": []}, indent=2)}
        for i, p in enumerate(pk):
            deps = {pk[j]: "^1.0.0" for j in range(i) if rnd.random() < 0.3}
            files[f"packages/{NAMES[i]}/package.json"] = json.dumps(
                {"name": p, "version": f"1.{rnd.randint(0, 9)}.{rnd.randint(0, 9)}", "dependencies": deps}, indent=2)
        write_tree(root, files)
        run("git init -q -b main && git add -A && git -c user.email=a@b -c user.name=r429 commit -qm init && "
            "git checkout -q -b feature", cwd=root)
        names = ["brave-cables-run", "quiet-cars-stop", "tidy-loops-pass", "swift-brakes-hold", "calm-doors-close",
                 "bold-rails-turn", "green-sheaves-spin"]
        for c in range(min(len(names), 2 + n // 3)):
            chosen = rnd.sample(pk, rnd.randint(1, 3))
            if missing == 1 and c == 1:
                chosen.append("@standseilbahn/seilbahn-alt")
            bumps = ["patch", "patch", "minor", "major"] + (["huge"] if missing == 2 and c == 2 else [])
            if missing == 2 and c == 2:
                chosen = chosen[:1]
                bumps = ["huge"]
            front = "\n".join(f'"{p}": {rnd.choice(bumps)}' for p in chosen)
            (root / ".changeset" / f"{names[c]}.md").write_text(
                f"---\n{front}\n---\n\n{rnd.choice(WORDS).title()} tension readings are checked before each run.\n")
        (root / f"packages/{NAMES[n - 1]}/index.js").write_text("module.exports = 1;\n")
        run("git add -A && git -c user.email=a@b -c user.name=r429 commit -qm changes", cwd=root)
        run(f"ln -s {NM} node_modules", cwd=root)
        cap(f"changeset-status-verbose-{k}", "npx changeset status --verbose", root, n_changeset_status, timeout=120)
        cap(f"changeset-version-{k}", "npx changeset version", root, n_changeset_version, timeout=120)


# ---------------------------------------------------------------- api-extractor

def dts(rnd: random.Random, n: int) -> str:
    out = ["/**\n * Funicular control API.\n * @packageDocumentation\n */\n",
           "interface CableState {\n  tensionKn: number;\n  sheave: string;\n}\n"]
    for i in range(n):
        w = rnd.choice(WORDS).title()
        tag = rnd.choice(["@public", "@public", "@beta", ""])
        doc = rnd.choice([f"/**\n * Reads the {w.lower()} state.\n * @param id - the car id\n * {tag}\n */\n",
                          f"/**\n * Checks {w.lower()} limits.\n * @param id the car id\n * {tag}\n */\n",
                          f"/** {{@link Missing{w}}} values. {tag} */\n", ""])
        kindk = i % 4
        if kindk == 0:
            out.append(f"{doc}export declare function read{w}{i}(id: string): CableState;\n")
        elif kindk == 1:
            out.append(f"{doc}export declare class {w}Monitor{i} {{\n  constructor(id: string);\n"
                       f"  readonly limitKn: number;\n  check(): boolean;\n}}\n")
        elif kindk == 2:
            out.append(f"{doc}export interface {w}Reading{i} {{\n  id: string;\n  value: number;\n  state: CableState;\n}}\n")
        else:
            out.append(f"{doc}export declare const {w.upper()}_LIMIT_{i}: number;\n")
    return "\n".join(out)


def cap_api_extractor(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(42970, 6), (42971, 30), (42972, 110)]):
        rnd = random.Random(seed)
        root = tmp / f"ae{k}"
        write_tree(root, {
            "package.json": json.dumps({"name": f"@standseilbahn/control-{k}", "version": "2.1.0",
                                        "types": "dist/index.d.ts"}),
            "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "declaration": True, "module": "commonjs",
                                                             "target": "es2020"}, "include": ["dist"]}),
            "api-extractor.json": json.dumps({
                "$schema": "https://developer.microsoft.com/json-schemas/api-extractor/v7/api-extractor.schema.json",
                "mainEntryPointFilePath": "<projectFolder>/dist/index.d.ts",
                "apiReport": {"enabled": True, "reportFolder": "<projectFolder>/etc/"},
                "docModel": {"enabled": False}, "dtsRollup": {"enabled": False},
                "messages": {"extractorMessageReporting": {"default": {"logLevel": "warning"},
                                                           "ae-forgotten-export": {"logLevel": "error"}},
                             "tsdocMessageReporting": {"default": {"logLevel": "warning"}}}}, indent=2),
            "dist/index.d.ts": dts(rnd, n)})
        (root / "etc").mkdir()
        run(f"ln -s {NM} node_modules", cwd=root)
        cap(f"api-extractor-run-{k}", "npx api-extractor run --local --verbose", root, n_api_extractor_run,
            timeout=240)
        rep = list((root / "etc").glob("*.api.md"))
        if rep:
            rel = rep[0].relative_to(root)
            cap(f"api-extractor-report-{k}", f"cat {rel}", root, n_api_report, timeout=30)


# ---------------------------------------------------------------- license-checker

def cap_licenses(tmp: Path) -> None:
    cap("license-checker-summary-tools", "license-checker --summary", JS, n_license_summary, timeout=240)
    for k, (seed, n) in enumerate([(42980, 12), (42981, 45), (42982, 140)]):
        rnd = random.Random(seed)
        root = tmp / f"lic{k}"
        deps, files = {}, {}
        for i in range(n):
            nm = f"{rnd.choice(WORDS)}-{rnd.choice(['utils', 'core', 'lib', 'kit', 'io', 'parse'])}-{i}"
            lic = rnd.choices(["MIT", "ISC", "Apache-2.0", "BSD-3-Clause", None, "SEE LICENSE IN LICENSE.txt",
                               "UNLICENSED", "LicenseRef-seilbahn"], [60, 15, 10, 5, 4, 2, 2, 2])[0]
            pj = {"name": nm, "version": f"{rnd.randint(0, 5)}.{rnd.randint(0, 20)}.{rnd.randint(0, 9)}",
                  "repository": f"https://example.invalid/{nm}"}
            if lic:
                pj["license"] = lic
            files[f"node_modules/{nm}/package.json"] = json.dumps(pj)
            if lic is None and rnd.random() < 0.5:
                files[f"node_modules/{nm}/LICENSE"] = "Permission is hereby granted, free of charge, MIT style.\n"
            if lic and lic.startswith("SEE"):
                files[f"node_modules/{nm}/LICENSE.txt"] = "Proprietary. Funicular operators only.\n"
            deps[nm] = pj["version"]
        for j in range(3):
            wn = f"@standseilbahn/{NAMES[j]}"
            files[f"node_modules/{wn}/package.json"] = json.dumps({"name": wn, "version": "1.0.0", "private": True})
            deps[wn] = "1.0.0"
        files["package.json"] = json.dumps({"name": "standseilbahn", "version": "1.0.0", "license": "MIT",
                                            "dependencies": deps}, indent=2)
        write_tree(root, files)
        cap(f"license-checker-summary-{k}", "license-checker --summary", root, n_license_summary, timeout=120)
        cap(f"license-checker-json-{k}", "license-checker --json", root, n_license_json, timeout=120)


# ---------------------------------------------------------------- tsd

def cap_tsd(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(42990, 8), (42991, 40), (42992, 160)]):
        rnd = random.Random(seed)
        root = tmp / f"tsd{k}"
        decl = ["export interface Car { id: string; speed: number; doors: boolean[] }\n"]
        tests = ["import {expectType, expectError, expectAssignable} from 'tsd';\n",
                 "import * as f from '.';\n"]
        for i in range(n):
            w = rnd.choice(WORDS).title()
            decl.append(f"export declare function tension{w}{i}(car: f_Car, kn: number): {rnd.choice(['number', 'string', 'boolean'])};\n")
            r = rnd.random()
            if r < 0.2:
                tests.append(f"expectType<number>(f.tension{w}{i}({{id: 'a', speed: 3, doors: []}}, 200));\n")
            elif r < 0.3:
                tests.append(f"expectError(f.tension{w}{i}({{id: 'a', speed: 3, doors: []}}, 200));\n")
            elif r < 0.4:
                tests.append(f"expectAssignable<string>(f.tension{w}{i}({{id: 'b', speed: 2, doors: []}}, '12'));\n")
            else:
                tests.append(f"f.tension{w}{i}({{id: 'c', speed: 1, doors: [true]}}, {rnd.randint(1, 300)});\n")
        write_tree(root, {"package.json": json.dumps({"name": f"standseilbahn-types-{k}", "version": "1.0.0",
                                                      "types": "index.d.ts"}),
                          "index.d.ts": "".join(decl).replace("f_Car", "Car"),
                          "index.test-d.ts": "".join(tests)})
        run(f"ln -s {NM} node_modules", cwd=root)
        cap(f"tsd-{k}", "npx tsd", root, n_tsd, timeout=240)


STEPS = [cap_dprint, cap_markuplint, cap_runners, cap_wireit, cap_vitepress, cap_changesets, cap_api_extractor,
         cap_licenses, cap_tsd]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide429", sys.modules["__main__"])
    main()
