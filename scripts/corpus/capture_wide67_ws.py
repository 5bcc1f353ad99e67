"""Round 67's monorepo (`harbourkit`, npm workspaces, TypeScript and JavaScript packages that depend on each other,
with bugs put in and widened by a seeded generator) and the extractors of the round's new kinds (NEEDLES.md,
"Round 67"). Run through capture_wide67.py."""

from __future__ import annotations

import json
import random
import re
import shutil
import time
from pathlib import Path

from capture_more import kind, note, run, write_tree
from capture_wide67 import cap

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

ERR = re.compile(r"\bFAIL\b|not ok \d|AssertionError|✖|✗|×|error TS\d+|\berror\b|ERR!|ERR_PNPM_|exited \(\d+\)|"
                 r"Command failed|\bERROR\b|Error:|failed|cyclic|[Cc]ycle", re.I)
OK_NOISE = re.compile(r"#\s*fail\s+0\s*$|\b0 failed\b|Failed:\s+0\b|errors-only", re.I)
LOC = re.compile(r"\S+\.(?:[cm]?[jt]sx?|json):\d+(?::\d+)?|\(\S+:\d+:\d+\)")
SUMMARY = re.compile(r"^\s*(Tasks:|Cached:|Time:|Failed:)|Ran target|Failed tasks:|Successfully ran|"
                     r"EXIT=|lerna (success|ERR!)|npm (error|ERR!) (code|Lifecycle|workspace|command|path)")


def _errors(lines):
    out = []
    for i, ln in enumerate(lines):
        if ERR.search(ln) and not OK_NOISE.search(ln):
            out.append(ln)
            if not LOC.search(ln):
                for k in range(i + 1, min(len(lines), i + 7)):
                    if LOC.search(lines[k]):
                        out.append(lines[k])
                        break
    return out


def _runner(lines, task_pat: str):
    out = _errors(lines)
    out += [ln for ln in lines if SUMMARY.search(ln)]
    fails = {m.group(0) for ln in lines if ERR.search(ln) for m in re.finditer(task_pat, ln)}
    for t in fails:  # the failing task's name as the runner prints it (its first line naming it)
        out.append(next(ln for ln in lines if t in ln))
    return out


TURBO_TASK = r"@?[\w-]+(?:/[\w-]+)?#[\w:-]+"


@kind("turbo-run", "build")
def n_turbo_run(lines):
    """Rules 1-3: every error/failure line with its location, each failing pkg#task, the Tasks/Cached/Time/Failed summary."""
    return _runner(lines, TURBO_TASK)


@kind("turbo-run-errors-only", "build")
def n_turbo_errors_only(lines):
    """Rules 1-3 as turbo-run on --output-logs=errors-only: error lines, failing pkg#task, the closing summary."""
    return _runner(lines, TURBO_TASK)


@kind("nx-run-many", "build")
def n_nx_run_many(lines):
    """Rules 1-3: every error/failure line with its location, each failing `nx run pkg:task`, the Ran target / Failed tasks block."""
    out = _runner(lines, r"nx run [\w@/-]+:[\w-]+")
    for i, ln in enumerate(lines):
        if "Failed tasks:" in ln:
            out += [x for x in lines[i + 1:i + 20] if re.match(r"^\s*- \S+:\S+", x)]
    return out


@kind("lerna-run-stream", "test")
def n_lerna_run(lines):
    """Rules 1-3: every error/failure line with its location, each failing task, lerna's closing lines."""
    out = _runner(lines, r"nx run [\w@/-]+:[\w-]+|[\w@/-]+:[\w-]+")
    for i, ln in enumerate(lines):
        if "Failed tasks:" in ln:
            out += [x for x in lines[i + 1:i + 20] if re.match(r"^\s*- \S+:\S+", x)]
    return out


def _pnpm(lines):
    return _runner(lines, r"packages/[\w-]+ [\w-]+\$|[\w@/-]+@\d[\w.-]* [\w-]+")


@kind("pnpm-recursive-run", "test")
def n_pnpm_r(lines):
    """Rules 1-3: every error/failure line with its location, the failing package's task line, ERR_PNPM lines."""
    return _pnpm(lines)


@kind("pnpm-parallel-run", "build")
def n_pnpm_parallel(lines):
    """Rules 1-3 as pnpm-recursive-run on a --parallel run's interleaved output."""
    return _pnpm(lines)


@kind("pnpm-filter-run", "test")
def n_pnpm_filter(lines):
    """Rules 1-3 as pnpm-recursive-run on a --filter run."""
    return _pnpm(lines)


@kind("npm-run-workspaces", "test")
def n_npm_ws(lines):
    """Rules 1-3: every error/failure line with its location, each failing workspace's `> pkg@v task` header, npm's error lines."""
    out = _errors(lines) + [ln for ln in lines if SUMMARY.search(ln)]
    hdr = None
    for ln in lines:
        if re.match(r"^> \S+@\S+ \S+", ln):
            hdr = ln
        elif hdr and ERR.search(ln) and not OK_NOISE.search(ln):
            out.append(hdr)
            hdr = None
    return out


@kind("turbo-summary-json", "json")
def n_turbo_summary(lines):
    """Rule 5: every "taskId" line, every non-zero "exitCode", the attempted/failed/cached/success count lines."""
    out = [ln for ln in lines if '"taskId"' in ln]
    out += [ln for ln in lines if re.search(r'"exitCode": (?!0\b)', ln)]
    out += [ln for ln in lines if re.search(r'^\s*"(attempted|failed|cached|success)": \d', ln)]
    return out


@kind("turbo-dry-json", "json")
def n_turbo_dry_json(lines):
    """Rule 5: every "taskId" line, and each cache "status" line that is not MISS."""
    out = [ln for ln in lines if '"taskId"' in ln]
    out += [ln for ln in lines if re.search(r'"status": "(?!MISS)', ln)]
    return out


@kind("turbo-dry-text", "listing")
def n_turbo_dry_text(lines):
    """Rule 5: every pkg#task header and the Packages in Scope rows."""
    out = [ln for ln in lines if re.match(rf"^{TURBO_TASK}\s*$", ln.strip())]
    for i, ln in enumerate(lines):
        if ln.startswith("Packages in Scope"):
            for x in lines[i + 1:]:
                if not x.strip():
                    break
                out.append(x)
    return out


@kind("nx-graph-json", "json")
def n_nx_graph(lines):
    """Rule 5: every project key line under nodes and every dependency "target" line."""
    out, in_nodes = [], False
    for ln in lines:
        if re.match(r'^\s{4}"nodes": \{', ln):
            in_nodes = True
        elif re.match(r'^\s{4}"\w+": ', ln):
            in_nodes = False
        if in_nodes and re.match(r'^\s{6}"[^"]+": \{', ln):
            out.append(ln)
        if '"target"' in ln:
            out.append(ln)
    return out


@kind("lerna-list-graph", "json")
def n_lerna_graph(lines):
    """Rule 5: every project key line and every dependency line naming a workspace package."""
    keys = [ln for ln in lines if re.match(r'^\s{2}"[^"]+": \[', ln)]
    names = {re.search(r'"([^"]+)"', k).group(1) for k in keys}
    deps = [ln for ln in lines if re.match(r'^\s{4}"([^"]+)",?$', ln) and re.search(r'"([^"]+)"', ln).group(1) in names]
    return keys + deps


def _listing(lines):
    out = [ln for ln in lines if re.search(r"\d+\.\d+\.\d+", ln) and re.search(r"@harbourkit/|packages/", ln)
           and not ln.startswith(("│ ", "| ")) and re.match(r"^(\S|[├└]── )", ln)]
    out += [ln for ln in lines if re.search(r"UNMET|missing|invalid|extraneous|ERR!|npm error", ln)]
    return out


@kind("lerna-list-long", "listing")
def n_lerna_list(lines):
    """Rule 5: every workspace package line (name, version, path), the closing count line."""
    return _listing(lines) + [ln for ln in lines if re.search(r"lerna success found \d+", ln)]


@kind("npm-ls-workspaces", "listing")
def n_npm_ls_ws(lines):
    """Rule 5: every workspace package line, every UNMET/missing/invalid/extraneous/ERR! line."""
    return _listing(lines)


@kind("pnpm-list-recursive", "listing")
def n_pnpm_list_r(lines):
    """Rule 5: every workspace project header line (name@version path), every UNMET/missing/invalid line."""
    out = [ln for ln in lines if re.match(r"^@?[\w/-]+@\d\S* ", ln)]
    return out + [ln for ln in lines if re.search(r"UNMET|missing|invalid|ERR_PNPM", ln)]


@kind("pnpm-outdated-recursive", "table")
def n_pnpm_outdated(lines):
    """Rule 5 + 4: the header row and every package row."""
    return [ln for ln in lines if re.match(r"^[│|] \S", ln)]


def _checker(lines, pat):
    out = []
    for i, ln in enumerate(lines):
        if re.search(pat, ln):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"EXIT=|\bfound\b|\d+ (errors?|issues?|mismatch)", ln, re.I)]
    return out


@kind("changeset-status", "pkg")
def n_changeset(lines):
    """Rule 5: every error line, each patch/minor/major bump line and the package lines under it, the verdict."""
    out = _checker(lines, r"error|Some packages have been changed|no changesets", )
    for i, ln in enumerate(lines):
        if re.search(r"Packages to be bumped at (patch|minor|major)", ln):
            out.append(ln)
            out += [x for x in lines[i + 1:i + 30] if re.search(r"- @?[\w/-]+", x) and "bumped" not in x][:30]
    return out


@kind("manypkg-check", "lint")
def n_manypkg(lines):
    """Rule 5: every error line (each names a package or dependency to fix), the closing verdict."""
    return _checker(lines, r"error|✖|☔|💥")


@kind("syncpack-list-mismatches", "lint")
def n_syncpack_mm(lines):
    """Rule 5: every mismatch line (a dependency and its differing versions), the closing count."""
    return _checker(lines, r"✘|✗|✕|mismatch|≠|[Dd]iffer|Unsupported|HighestSemver|LowestSemver|Banned")


@kind("syncpack-lint", "lint")
def n_syncpack_lint(lines):
    """Rule 5 as syncpack-list-mismatches on `syncpack lint`."""
    return _checker(lines, r"✘|✗|✕|mismatch|≠|[Dd]iffer|Unsupported|HighestSemver|LowestSemver|Banned")


@kind("workspace-cycle", "build")
def n_cycle(lines):
    """Rule 5: every line naming the cycle or the packages in it, and the error line."""
    return [ln for ln in lines if re.search(r"[Cc]ycl|->|→|ERR|[Ee]rror|EXIT=", ln)]


# ------------------------------------------------------------------ the monorepo

# the workspace's own tools, as a real monorepo pins them (npx finds them in the root's node_modules)
ROOT_DEV = {"@changesets/cli": "2.31.1", "@manypkg/cli": "0.25.1", "lerna": "9.0.7", "nx": "22.7.12",
            "syncpack": "15.3.3", "turbo": "2.11.11", "typescript": "7.0.2"}

PKGS = [  # name, language, internal deps, bug
    ("geo", "ts", [], None),
    ("units", "ts", [], None),
    ("logger", "js", [], None),
    ("config", "js", ["logger"], None),
    ("tides", "ts", ["geo", "units"], "type"),
    ("berths", "js", ["geo", "logger", "config"], "test"),
    ("pilots", "js", ["berths", "logger"], "lint"),
    ("billing", "js", ["berths", "units"], "missing"),
    ("dock-api", "ts", ["tides", "berths", "pilots", "billing", "config"], None),
    ("dock-cli", "js", ["dock-api", "logger"], "test2"),
    ("charts", "ts", ["tides", "units"], None),
]

LINT_JS = r"""#!/usr/bin/env node
// the monorepo's own lint: no `var`, no `==`, no console.log in src, no unused `import`ed names
const fs = require('fs'), path = require('path');
let errors = 0, warnings = 0;
function walk(d) { for (const f of fs.readdirSync(d)) { const p = path.join(d, f);
  if (fs.statSync(p).isDirectory()) walk(p); else if (/\.(js|ts)$/.test(f)) check(p); } }
function check(p) {
  const src = fs.readFileSync(p, 'utf8').split('\n');
  src.forEach((ln, i) => {
    if (/\bvar\s/.test(ln)) { console.log(`${p}:${i + 1}:${ln.indexOf('var') + 1}  error  Unexpected var, use let or const  no-var`); errors++; }
    if (/[^=!]==[^=]/.test(ln)) { console.log(`${p}:${i + 1}:${ln.indexOf('==') + 1}  error  Expected '===' and instead saw '=='  eqeqeq`); errors++; }
    if (/console\.log/.test(ln)) { console.log(`${p}:${i + 1}:${ln.indexOf('console') + 1}  warning  Unexpected console statement  no-console`); warnings++; }
  });
}
walk(process.argv[2] || 'src');
console.log(`\n✖ ${errors + warnings} problems (${errors} errors, ${warnings} warnings)`.replace(/^\n✖ 0 problems.*$/, '\nno problems'));
process.exit(errors ? 1 : 0);
"""


def _module(rng, pkg, lang, j, deps):
    t = ": number" if lang == "ts" else ""
    body = [f"// {pkg} module {j}"]
    for d in deps[:2]:
        body.append(f"const {d.replace('-', '_')}_{j} = require('@harbourkit/{d}');" if lang == "js"
                    else f"import * as {d.replace('-', '_')}_{j} from '@harbourkit/{d}';")
    for k in range(rng.randint(3, 6)):
        a, b = rng.randint(2, 97), rng.randint(1, 13)
        body.append(f"{'export ' if lang == 'ts' else ''}function f{j}_{k}(x{t}){t} {{ return (x * {a} + {b}) % 1000; }}")
    if lang == "js":
        body.append("module.exports = { " + ", ".join(f"f{j}_{k}" for k in range(3)) + " };")
    return "\n".join(body) + "\n"


def make_repo(root: Path, seed: int, cycle: bool = False, mismatch: bool = True) -> None:
    rng = random.Random(seed)
    files = {
        "package.json": json.dumps({"name": "harbourkit", "private": True, "version": "0.0.0",
                                    "packageManager": "npm@11.19.1", "workspaces": ["packages/*"],
                                    "devDependencies": ROOT_DEV}, indent=2) + "\n",
        "tools/lint.js": LINT_JS,
        "turbo.json": json.dumps({"$schema": "https://turbo.build/schema.json", "tasks": {
            "build": {"dependsOn": ["^build"], "outputs": ["dist/**"]},
            "test": {"dependsOn": ["build"]}, "lint": {}}}, indent=2) + "\n",
        "nx.json": json.dumps({"targetDefaults": {"build": {"dependsOn": ["^build"], "cache": True},
                                                  "test": {"dependsOn": ["build"], "cache": True},
                                                  "lint": {"cache": True}}, "defaultBase": "main"}, indent=2) + "\n",
        "lerna.json": json.dumps({"$schema": "node_modules/lerna/schemas/lerna-schema.json", "version": "independent",
                                  "npmClient": "npm"}, indent=2) + "\n",
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
        "tsconfig.base.json": json.dumps({"compilerOptions": {"target": "ES2022", "module": "nodenext", "strict": True,
                                                              "declaration": True, "skipLibCheck": True,
                                                              "esModuleInterop": True, "moduleResolution": "nodenext"}},
                                         indent=2) + "\n",
        ".changeset/config.json": json.dumps({"changelog": False, "commit": False, "access": "restricted",
                                              "baseBranch": "main", "updateInternalDependencies": "patch"}, indent=2) + "\n",
    }
    for name, lang, deps, bug in PKGS:
        deps = list(deps)
        if cycle and name == "geo":
            deps.append("charts")
        ext = lang
        d = f"packages/{name}/"
        version = f"{rng.randint(0, 2)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        pj = {"name": f"@harbourkit/{name}", "version": version, "main": "dist/index.js" if lang == "ts" else "src/index.js",
              "scripts": {"build": "tsc -p tsconfig.json" if lang == "ts" else "node -e \"require('./src/index.js')\" && echo built",
                          "test": "node --test test/", "lint": "node ../../tools/lint.js src"},
              "dependencies": {f"@harbourkit/{x}": "*" for x in deps}}
        if mismatch and name in ("berths", "pilots", "dock-cli"):
            pj["dependencies"]["semver"] = {"berths": "^7.5.4", "pilots": "^6.3.0", "dock-cli": "7.6.0"}[name]
        if mismatch and name in ("tides", "charts"):
            pj["devDependencies"] = {"typescript": {"tides": "^5.4.0", "charts": "~5.2.2"}[name]}
        files[d + "package.json"] = json.dumps(pj, indent=2) + "\n"
        n_mod = rng.randint(4, 9)
        for j in range(n_mod):
            files[d + f"src/m{j}.{ext}"] = _module(rng, name, lang, j, deps)
        if lang == "ts":
            files[d + "tsconfig.json"] = json.dumps({"extends": "../../tsconfig.base.json",
                                                     "compilerOptions": {"outDir": "dist", "rootDir": "src"},
                                                     "include": ["src"]}, indent=2) + "\n"
            idx = "\n".join(f"export * from './m{j}';" for j in range(n_mod)) + "\n"
            if bug == "type":
                idx += ("export interface Tide { height: number; at: Date }\n"
                        "export function highWater(t: Tide[]): number { return t.reduce((a, b) => a.height > b.height ? a : b); }\n"
                        "export const datum: number = 'chart-datum';\n")
        else:
            idx = "module.exports = {\n" + "".join(f"  ...require('./m{j}'),\n" for j in range(n_mod)) + "};\n"
            if bug == "lint":
                idx += "var legacy = 1;\nif (legacy == '1') { console.log('pilot roster loaded'); }\n"
                files[d + "src/roster.js"] = "function onDuty(p) {\n  var n = p.length;\n  return n == 0 ? null : p[0];\n}\nmodule.exports = { onDuty };\n"
            if bug == "missing":
                idx += "const money = require('currency.js');\nmodule.exports.fee = (n) => money(n).multiply(1.2).value;\n"
        files[d + f"src/index.{ext}"] = idx
        # tests: node's own runner, compiled output for ts
        target = "../dist/index.js" if lang == "ts" else "../src/index.js"
        tests = ["const test = require('node:test');", "const assert = require('node:assert/strict');",
                 f"const lib = require('{target}');", ""]
        for j in range(n_mod):
            for k in range(3):
                a, b = None, None
                tests.append(f"test('{name} f{j}_{k} stays under 1000', () => {{ assert.ok(lib.f{j}_{k}({rng.randint(1, 500)}) < 1000); }});")
        if bug == "test":
            tests.append("test('berths allocates the longest free berth first', () => {\n"
                         "  const order = [lib.f0_0(3), lib.f0_1(3)].sort();\n"
                         "  assert.deepEqual(order, [lib.f0_1(3) + 1, lib.f0_0(3)]);\n});")
        if bug == "test2":
            tests.append("test('dock-cli parses --tide-window', () => {\n"
                         "  assert.equal(lib.f1_2(40), 41, 'window should be inclusive');\n});")
        files[d + "test/index.test.js"] = "\n".join(tests) + "\n"
    write_tree(root, files)


def setup(tmp: Path) -> Path:
    root = tmp / "harbourkit"
    make_repo(root, 67)
    run("git init -q -b main && git add -A && git -c user.name=Mara -c user.email=m@example.org commit -qm init",
        cwd=root)
    run("npm install --no-audit --no-fund 2>&1 | tail -3", cwd=root, timeout=300)
    return root


TURBO_ENV = {"TURBO_TELEMETRY_DISABLED": "1", "DO_NOT_TRACK": "1", "TURBO_NO_UPDATE_NOTIFIER": "1"}
NX_ENV = {"NX_DAEMON": "false", "NX_NO_CLOUD": "true", "NX_SKIP_NX_CACHE": None, "NX_TUI": "false"}


def turbo(tmp: Path) -> None:
    root = setup(tmp)
    e = TURBO_ENV
    cap("turbo-run-build-test-lint", "npx turbo run build test lint --continue", root, n_turbo_run, env=e)
    cap("turbo-run-cached-tail-80", "npx turbo run build test lint --continue 2>&1 | tail -n 80", root, n_turbo_run, env=e)
    cap("turbo-run-errors-only", "npx turbo run build test lint --continue --output-logs=errors-only; echo EXIT=$?",
        root, n_turbo_errors_only, env=e)
    cap("turbo-run-test-grep-v-cache", "npx turbo run test --force --continue 2>&1 | grep -v cache", root, n_turbo_run, env=e)
    cap("turbo-run-filter-dock-api", "npx turbo run build --filter=@harbourkit/dock-api... --force", root, n_turbo_run, env=e)
    cap("turbo-dry-json", "npx turbo run test --dry=json --filter=@harbourkit/billing...", root, n_turbo_dry_json, env=e)
    cap("turbo-dry-text", "npx turbo run build test lint --dry", root, n_turbo_dry_text, env=e)
    run("rm -rf .turbo/runs && npx turbo run test --filter=@harbourkit/berths... --continue --summarize >/dev/null 2>&1", cwd=root, env=e)
    cap("turbo-summary-json", "cat .turbo/runs/*.json", root, n_turbo_summary, env=e)
    cap("turbo-lint-ts-pipe-head", "npx turbo run lint --force --continue 2>&1 | head -120", root, n_turbo_run, env=e)


def nx(tmp: Path) -> None:
    root = tmp / "harbourkit"
    e = NX_ENV
    cap("nx-run-many-test-build", "npx nx run-many -t test build --skip-nx-cache", root, n_nx_run_many, env=e)
    cap("nx-run-many-lint-tail", "npx nx run-many -t lint --skip-nx-cache 2>&1 | tail -n 60", root, n_nx_run_many, env=e)
    cap("nx-run-many-test-echo", "npx nx run-many -t test --projects='@harbourkit/b*' --skip-nx-cache; echo EXIT=$?",
        root, n_nx_run_many, env=e)
    run("npx nx graph --file=graph.json", cwd=root, env=e)
    cap("nx-graph-json", "npx nx graph --file=graph.json >/dev/null && cat graph.json", root, n_nx_graph, env=e)
    cap("nx-affected-build", "npx nx run-many -t build --parallel=1 --skip-nx-cache", root, n_nx_run_many, env=e)


def lerna(tmp: Path) -> None:
    root = tmp / "harbourkit"
    e = NX_ENV
    cap("lerna-run-test-stream", "npx lerna run test --stream --no-bail", root, n_lerna_run, env=e)
    cap("lerna-run-lint-stream-tail", "npx lerna run lint --stream --no-bail 2>&1 | tail -n 70", root, n_lerna_run, env=e)
    cap("lerna-run-build-scope", "npx lerna run build --scope '@harbourkit/dock-*' --include-dependencies --stream",
        root, n_lerna_run, env=e)
    cap("lerna-list-graph", "npx lerna list --graph", root, n_lerna_graph, env=e)
    cap("lerna-list-long-all", "npx lerna list -la", root, n_lerna_list, env=e)


def npm_ws(tmp: Path) -> None:
    root = tmp / "harbourkit"
    cap("npm-test-workspaces", "npm test --workspaces --if-present", root, n_npm_ws)
    cap("npm-run-lint-workspaces-echo", "npm run lint --workspaces --if-present; echo EXIT=$?", root, n_npm_ws)
    cap("npm-run-build-ws-tail", "npm run build -ws 2>&1 | tail -n 80", root, n_npm_ws)
    cap("npm-ls-workspaces", "npm ls --workspaces", root, n_npm_ls_ws)
    cap("npm-ls-workspaces-all-head", "npm ls --workspaces --all 2>&1 | head -150", root, n_npm_ls_ws)


def pnpm(tmp: Path) -> None:
    src = tmp / "harbourkit"
    root = tmp / "harbourkit-pnpm"
    shutil.copytree(src, root, ignore=shutil.ignore_patterns("node_modules", ".turbo", ".nx", "graph.json"))
    pj = json.loads((root / "package.json").read_text())
    pj["packageManager"] = "pnpm@" + run("pnpm --version").strip()
    pj["devDependencies"] = {"typescript": ROOT_DEV["typescript"]}
    (root / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    for p in (root / "packages").glob("*/package.json"):
        d = json.loads(p.read_text())
        d["dependencies"] = {k: ("workspace:*" if k.startswith("@harbourkit/") else v) for k, v in d["dependencies"].items()}
        p.write_text(json.dumps(d, indent=2) + "\n")
    run("pnpm install --no-frozen-lockfile 2>&1 | tail -3", cwd=root, timeout=300)
    for _ in range(6):  # the first runs after the install can print a short refusal: wait until the workspace lists
        out = run("pnpm list -r --depth 0", cwd=root)
        if len(out) > 400:
            break
        note(f"pnpm not ready: {out.strip()[:300]!r}")
        time.sleep(3)
    cap("pnpm-r-build", "pnpm -r build", root, n_pnpm_parallel)
    cap("pnpm-r-test", "pnpm -r --no-bail test", root, n_pnpm_r)
    cap("pnpm-r-test-bail-echo", "pnpm -r test; echo EXIT=$?", root, n_pnpm_r)
    cap("pnpm-r-parallel-build", "pnpm -r --parallel build", root, n_pnpm_parallel)
    cap("pnpm-r-parallel-lint-tail", "pnpm -r --parallel --no-bail lint 2>&1 | tail -n 60", root, n_pnpm_parallel)
    cap("pnpm-filter-berths-test", "pnpm --filter '@harbourkit/berths...' test", root, n_pnpm_filter)
    cap("pnpm-filter-dependents-test", "pnpm --filter '...@harbourkit/berths' --no-bail test 2>&1 | tail -n 90",
        root, n_pnpm_filter)
    cap("pnpm-list-r-depth0", "pnpm list -r --depth 0", root, n_pnpm_list_r)
    cap("pnpm-outdated-r", "pnpm outdated -r", root, n_pnpm_outdated)


def checkers(tmp: Path) -> None:
    root = tmp / "harbourkit"
    write_tree(root, {
        ".changeset/brave-tides-swim.md": '---\n"@harbourkit/tides": minor\n"@harbourkit/charts": patch\n---\n\nHigh-water lookup.\n',
        ".changeset/quiet-berths-sleep.md": '---\n"@harbourkit/berths": major\n---\n\nLongest berth first.\n',
        ".changeset/red-pilots-run.md": '---\n"@harbourkit/pilots": patch\n"@harbourkit/dock-cli": patch\n---\n\nRoster fix.\n',
    })
    run("git checkout -q -b feature && git add -A && git -c user.name=Mara -c user.email=m@example.org commit -qm changesets",
        cwd=root)
    cap("changeset-status-verbose", "npx changeset status --verbose", root, n_changeset)
    cap("changeset-status-since", "npx changeset status --since=main; echo EXIT=$?", root, n_changeset)
    cap("manypkg-check", "npx manypkg check", root, n_manypkg)
    cap("manypkg-check-echo", "npx manypkg check 2>&1; echo EXIT=$?", root, n_manypkg)
    cap("syncpack-list-mismatches", "npx syncpack list-mismatches", root, n_syncpack_mm)
    cap("syncpack-lint", "npx syncpack lint; echo EXIT=$?", root, n_syncpack_lint)
    cyc = tmp / "harbourkit-cycle"
    make_repo(cyc, 67, cycle=True)
    run("git init -q -b main && npm install --no-audit --no-fund 2>&1 | tail -3", cwd=cyc, timeout=300)
    # each tool's own cycle report is a few lines; an agent runs them one after another
    cap("cycle-turbo-nx-echo", "npx turbo run build 2>&1 | tail -n 40; npx nx run-many -t build --skip-nx-cache; "
        "echo EXIT=$?", cyc, n_cycle, env={**TURBO_ENV, **NX_ENV})
    cap("cycle-lerna-run-pnpm", "npx lerna run build --stream 2>&1 | tail -n 60; pnpm -r build 2>&1 | head -60",
        cyc, n_cycle, env=NX_ENV)


STEPS = [turbo, nx, lerna, npm_ws, pnpm, checkers]
