"""Round 87, the other JavaScript infrastructure and release CLIs: a Cloudflare Worker for a cart (`wrangler deploy
--dry-run`, `wrangler types`, configuration and build errors), a serverless 3 service of many functions (`sls print`,
`sls package`), a repository whose husky pre-commit hook runs eslint and prettier over 100+ seeded files (and one
running lint-staged), a seeded history of conventional commits released by standard-version, semantic-release and
release-it dry runs and printed by conventional-changelog, dbmate migrations on sqlite with a broken one, and
bundlesize budgets over seeded bundles. Mistakes are put in; the kinds' rules are NEEDLES.md's "Round 87" section.
Run through capture_wide87.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, kind, mask, next_match, run, write_tree
from capture_wide87 import ENV, JS, cap

ERR = re.compile(r"✘ \[ERROR\]|▲ \[WARNING\]")


def sh(cmd: str, cwd: Path) -> str:
    return run(cmd, cwd=cwd, env=ENV, timeout=300)


def link_modules(root: Path, js: Path = JS) -> None:
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(js / "node_modules")


# ------------------------------------------------------------------ extractors

@kind("wrangler-deploy-dry-run", "build")
def n_wrangler_deploy(lines):
    """Rules 1+5 on wrangler deploy --dry-run: every ✘ [ERROR] line with its file:line:col location; ▲ [WARNING] one {"any"} per shape; every binding row; Total Upload and --dry-run: exiting now."""
    out, pairs, in_b = [], [], False
    for i, ln in enumerate(lines):
        if "✘ [ERROR]" in ln:
            out.append(ln)
            loc = next_match(lines, i, r"^\s+\S+:\d+:\d+:")
            if loc:
                out.append(loc)
        elif "▲ [WARNING]" in ln:
            pairs.append((mask(ln), ln))
        elif "following bindings:" in ln:
            in_b = True
        elif in_b and not ln.strip():
            in_b = False
        elif in_b and ln.startswith("env."):
            out.append(ln)
        elif ln.startswith(("Total Upload:", "--dry-run: exiting now.")) or ln.startswith("EXIT="):
            out.append(ln)
    return out + groups(pairs)


@kind("wrangler-types", "build")
def n_wrangler_types(lines):
    """Rule 5 on wrangler types: every member line of the generated interface Env; every ✘/▲ line; the line naming the file written."""
    out, depth = [], 0
    for ln in lines:
        if re.match(r"^\s*interface Env\b", ln) and "{}" not in ln:
            depth = 1
            continue
        if depth and re.match(r"^\s*}", ln):
            depth = 0
        elif depth and re.match(r"^\s+[\w\"]+\??: .+;$", ln):
            out.append(ln)
        if ERR.search(ln) or "Types written to" in ln or ln.startswith("EXIT="):
            out.append(ln)
    return out


@kind("wrangler-config-error", "build")
def n_wrangler_config(lines):
    """Rule 1 on wrangler's configuration check: every ✘ [ERROR] and ▲ [WARNING] line and every '- ' item line under 'Processing … configuration:'."""
    out, under = [], False
    for ln in lines:
        if ERR.search(ln):
            out.append(ln)
        if "configuration:" in ln and "Processing" in ln:
            under = True
        elif under and re.match(r"^\s+- \S", ln):
            out.append(ln)
        elif ln.startswith("EXIT="):
            out.append(ln)
    return out


def _sls_common(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(("Error:", "✖", "Warning:")) or s.startswith("EXIT="):
            out.append(ln)
            if s == "Error:" and i + 1 < len(lines):
                out.append(lines[i + 1])
                if i + 2 < len(lines) and lines[i + 2].strip().startswith("- "):
                    out += [x for x in lines[i + 2:i + 8] if x.strip().startswith("- ")]
        elif s.startswith(("Packaging ", "✔ Service packaged")):
            out.append(ln)
    return out


@kind("sls-print", "build")
def n_sls_print(lines):
    """Rule 5 on sls print: every top-level key and every function name under functions:; every Error:/✖/Warning: line with the line saying what."""
    out, section = [], None
    for ln in lines:
        m = re.match(r"^([\w-]+):", ln)
        if m:
            section = m.group(1)
            out.append(ln)
        elif section == "functions" and re.match(r"^  [\w-]+:\s*$", ln):
            out.append(ln)
    return out + _sls_common(lines)


@kind("sls-package", "build")
def n_sls_package(lines):
    """Rules 1+3 on sls package: every Error:/✖/Warning: line with the line saying what; the Packaging and ✔ Service packaged lines."""
    return _sls_common(lines)


@kind("husky-pre-commit", "lint")
def n_husky(lines):
    """Rules 1+3 on a git commit stopped by its husky hook: eslint errors with their file header, warnings one {"any"} per (rule, file), ✖ N problems; prettier [warn] lines and its closing line; lint-staged ✖ lines; the husky failure line."""
    out, pairs, header = [], [], None
    for ln in lines:
        if re.match(r"^(/\S+|[\w./-]+)\.(m?js|cjs|jsx|ts)$", ln):
            header = ln
            continue
        m = re.match(r"^\s+\d+:\d+\s+(error|warning)\s+.*?\s{2,}(\S+)$", ln)
        if m and m.group(1) == "error":
            out.append(ln)
            if header:
                out.append(header)
        elif m:
            pairs.append(((m.group(2), header), ln))
        elif re.match(r"^✖ \d+ problems?", ln) or ln.startswith(("[warn]", "[error]")) or "✖" in ln \
                or ln.startswith("husky - ") or ln.startswith("EXIT="):
            out.append(ln)
    return out + groups(pairs)


RELEASE_ERR = re.compile(r"(✖|✘|\bERROR\b|Error:|SemanticReleaseError|\bE[A-Z]{4,}\b)")


def _notes(lines):
    """The release-notes heading, every section heading under it, every breaking-change bullet."""
    out, breaking = [], False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^#{1,2} \[?\d+\.\d+\.\d+", s) or re.match(r"^#{1,3} \[?v?\d+\.\d+\.\d+", s):
            out.append(ln)
            breaking = False
        elif re.match(r"^#{2,4} ", s):
            out.append(ln)
            breaking = "BREAKING" in s
        elif breaking and s.startswith("* "):
            out.append(ln)
    return out


def _release(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if RELEASE_ERR.search(s) and not s.startswith(("* ", "#")):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"bumping version .* from \S+ to \S+|next release version is|Let's release|tagging release|"
                       r"Created tag|Release note for version|git tag --annotate|🏁 Done|EXIT=", s):
            out.append(ln)
    return out + _notes(lines)


for _name in ("standard-version-dry-run", "semantic-release-dry-run", "release-it-dry-run"):
    def _f(lines):
        return _release(lines)
    _f.__doc__ = ("Rules 1+5 on a release dry run: every error line with the line after it; the version decided, the "
                  "tag line, the release-notes heading, its section headings and every breaking-change bullet.")
    globals()["n_" + _name.replace("-", "_")] = kind(_name, "pkg")(_f)


@kind("conventional-changelog", "doc")
def n_changelog(lines):
    """Rule 5 on a generated changelog: every version heading, every section heading under it, every bullet under BREAKING CHANGES."""
    return _notes(lines)


@kind("dbmate-migrate", "pkg")
def n_dbmate_migrate(lines):
    """Rules 1+5 on dbmate up/migrate/rollback: every Error: line, every Applying:/Rolling back: line, the last Applied: line."""
    out = [ln for ln in lines if ln.startswith(("Error:", "Applying:", "Rolling back:", "EXIT=", "Creating:"))
           or "rror" in ln and not ln.startswith("Applied")]
    applied = [ln for ln in lines if ln.startswith(("Applied:", "Rolled back:"))]
    return out + applied[-1:]


@kind("dbmate-status", "listing")
def n_dbmate_status(lines):
    """Rule 5 on dbmate status: every pending [ ] line, the first and last [X] lines, the Applied:/Pending: counts, any Error: line."""
    done = [ln for ln in lines if ln.startswith("[X]")]
    return ([ln for ln in lines if ln.startswith(("[ ]", "Applied:", "Pending:", "Error:", "EXIT="))]
            + done[:1] + done[-1:])


@kind("bundlesize", "build")
def n_bundlesize(lines):
    """Rules 1+3 on bundlesize: every FAIL and ERROR line; PASS lines one {"any"}; the closing summary."""
    out, passed = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(FAIL|ERROR)\b", s) or "ERROR" in s or s.startswith("EXIT="):
            out.append(ln)
        elif s.startswith("PASS"):
            passed.append(ln)
    return out + groups(("pass", ln) for ln in passed)


# ------------------------------------------------------------------ wrangler

WORKER_INDEX = """import { cartTotal, applyCoupon } from "./cart.js";
import { renderReceipt } from "./receipt.js";
export default {
  async fetch(req, env) {
    const url = new URL(req.url);
    const raw = await env.CARTS.get(url.searchParams.get("id"));
    const cart = raw ? JSON.parse(raw) : { items: [] };
    const total = applyCoupon(cartTotal(cart), url.searchParams.get("coupon"), env.COUPONS);
    return new Response(renderReceipt(cart, total, env.CURRENCY), { headers: { "content-type": "text/html" } });
  },
  async queue(batch, env) { for (const m of batch.messages) await env.DB.prepare("insert into orders values (?)").bind(m.body).run(); },
};
"""
WORKER_CART = """export function cartTotal(cart) { return cart.items.reduce((a, i) => a + i.price * i.qty, 0); }
export async function applyCoupon(total, code, kv) { const pct = code ? Number(await kv.get(code)) : 0; return total * (1 - pct / 100); }
"""
WORKER_RECEIPT = """export function renderReceipt(cart, total, currency) {
  return `<ul>${cart.items.map((i) => `<li>${i.name} x${i.qty}</li>`).join("")}</ul><p>${total.toFixed(2)} ${currency}</p>`;
}
"""


def wrangler_toml(rng: random.Random, n_kv: int, n_vars: int, bad: bool = False) -> str:
    out = ['name = "edge-cart"', 'main = "src/index.js"', 'compatibility_date = "2024-09-01"', ""]
    for i in range(n_kv):
        out += ["[[kv_namespaces]]", f'binding = "{"CARTS" if i == 0 else "COUPONS" if i == 1 else f"KV_{i:02d}_CACHE"}"',
                f'id = "{rng.getrandbits(128):032x}"', ""]
    out += ["[[d1_databases]]", 'binding = "DB"', 'database_name = "cart-db"', f'database_id = "{rng.getrandbits(128):032x}"', ""]
    out += ["[[r2_buckets]]", 'binding = "RECEIPTS"', 'bucket_name = "cart-receipts"', ""]
    out += ["[[queues.producers]]", 'binding = "ORDERS"', 'queue = "orders"', "", "[[queues.consumers]]", 'queue = "orders"',
            "max_batch_size = 25", ""]
    out += ["[[durable_objects.bindings]]", 'name = "SESSIONS"', 'class_name = "CartSession"', ""]
    out += ["[vars]", 'CURRENCY = "EUR"'] + [f'FEATURE_{i:02d} = "{rng.choice(["on", "off", "beta"])}"' for i in range(n_vars)]
    if bad:
        out += ["", "[triggers]", 'crons = "*/5 * * * *"', "", "[[routes]]", 'pattern = "cart.example.com/*"',
                "zone_name = 42", "", "[build]", 'comand = "npm run build"', "", "usage_model = \"unbound\"",
                'node_compat = true', "", "[[kv_namespaces]]", 'binding = "BROKEN"']
    return "\n".join(out) + "\n"


def cap_wrangler(tmp: Path) -> None:
    rng = random.Random(8701)
    w = tmp / "edge-cart"
    write_tree(w, {"src/index.js": WORKER_INDEX, "src/cart.js": WORKER_CART, "src/receipt.js": WORKER_RECEIPT,
                   "package.json": '{"name": "edge-cart", "version": "0.4.0", "private": true, "type": "module"}\n'})
    link_modules(w)
    (w / "src" / "index.js").write_text(WORKER_INDEX + "export class CartSession { constructor(s) { this.s = s; } "
                                        "async fetch() { return new Response('ok'); } }\n")
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 24, 70))
    cap("wrangler-deploy", "wrangler deploy --dry-run --outdir dist", w, n_wrangler_deploy)
    cap("wrangler-types", "wrangler types; echo EXIT=$?", w, n_wrangler_types)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 3, 6))
    cap("wrangler-types-small", "wrangler types 2>&1 | tail -n 60", w, n_wrangler_types)
    # build errors: modules importing names and files that do not exist, widened
    for i in range(14):
        (w / "src" / f"promo{i:02d}.js").write_text(
            f'import {{ cartTotl }} from "./cart.js";\nimport {{ fmt }} from "./format{i}.js";\n'
            f'export const promo{i} = (c) => cartTotl(c) * 0.{i + 1:02d} + fmt(c;\n')
    (w / "src" / "index.js").write_text("".join(f'import {{ promo{i} }} from "./promo{i:02d}.js";\n' for i in range(14))
                                        + WORKER_INDEX)
    cap("wrangler-deploy-build-error", "wrangler deploy --dry-run --outdir dist; echo EXIT=$?", w, n_wrangler_deploy)
    for i in range(14):
        (w / "src" / f"promo{i:02d}.js").write_text(
            f'import {{ cartTotl }} from "./cart.js";\nimport {{ fmt }} from "./format{i}.js";\n'
            f'export const promo{i} = (c) => cartTotl(c) * 0.{i + 1:02d} + fmt(c);\n')
    cap("wrangler-deploy-resolve-error", "wrangler deploy --dry-run --outdir dist 2>&1 | tail -n 80", w, n_wrangler_deploy)
    (w / "src" / "index.js").write_text(WORKER_INDEX)
    (w / "wrangler.toml").write_text(wrangler_toml(rng, 4, 10, bad=True))
    cap("wrangler-config-error", "wrangler deploy --dry-run --outdir dist", w, n_wrangler_config)
    cap("wrangler-config-error-types", "wrangler types; echo EXIT=$?", w, n_wrangler_config)
    (w / "wrangler.toml").write_text('name = "edge-cart"\nmain = "src/missing.js"\ncompatibility_date = "2024-09-01"\n'
                                     '[vars]\nCURRENCY = "EUR"\n[[kv_namespaces]]\nbinding = "CARTS"\n[env.staging]\n'
                                     'name = "edge-cart-staging"\nroute = 7\n[[env.staging.kv_namespaces]]\nid = "x"\n')
    cap("wrangler-config-error-env", "wrangler deploy --dry-run --outdir dist --env staging", w, n_wrangler_config)


# ------------------------------------------------------------------ serverless 3

def sls_yml(rng: random.Random, n: int, broken: bool = False) -> str:
    out = ["service: depot-api", "frameworkVersion: '3'", "provider:", "  name: aws", "  runtime: nodejs18.x",
           "  region: eu-west-1", "  stage: ${opt:stage, 'dev'}", "  environment:", "    TABLE: ${self:custom.table}",
           "    STAGE: ${sls:stage}"]
    if broken:
        out += ["    SECRET: ${env:DEPOT_SECRET}", "    BUCKET: ${self:custom.buckett}", "    REGION_NAME: ${ssm:/depot/region}"]
    out += ["custom:", "  table: depots-${sls:stage}", "  bucket: depot-photos-${sls:stage}", "package:", "  patterns:",
            "    - '!test/**'", "functions:"]
    verbs = ["list", "get", "create", "update", "delete", "search", "export", "import", "sync", "audit"]
    nouns = ["depots", "parcels", "routes", "couriers", "lockers", "scans"]
    for i in range(n):
        v, nn = verbs[i % len(verbs)], nouns[(i // len(verbs)) % len(nouns)]
        name = f"{v}{nn.capitalize()}"
        method = {"list": "GET", "get": "GET", "search": "GET", "export": "GET", "delete": "DELETE", "update": "PUT"}.get(v, "POST")
        out += [f"  {name}:", f"    handler: src/{nn}.{v}", f"    memorySize: {rng.choice([128, 256, 512, 1024])}",
                f"    timeout: {rng.choice([6, 10, 20, 29, 40, 60])}", "    events:",
                f"      - httpApi: {method} /{nn}" + ("/{id}" if v in ("get", "update", "delete") else "")]
        if rng.random() < 0.2:
            out += ["      - schedule: rate(1 hour)"]
    out += ["resources:", "  Resources:", "    DepotsTable:", "      Type: AWS::DynamoDB::Table", "      Properties:",
            "        TableName: ${self:custom.table}", "        BillingMode: PAY_PER_REQUEST", "        AttributeDefinitions:",
            "          - AttributeName: id", "            AttributeType: S", "        KeySchema:", "          - AttributeName: id",
            "            KeyType: HASH"]
    return "\n".join(out) + "\n"


def cap_sls(tmp: Path) -> None:
    rng = random.Random(8702)
    d = tmp / "depot-api"
    files = {f"src/{nn}.js": "".join(f"module.exports.{v} = async (e) => ({{ statusCode: 200, body: '{v} {nn}' }});\n"
                                     for v in ["list", "get", "create", "update", "delete", "search", "export", "import", "sync", "audit"])
             for nn in ["depots", "parcels", "routes", "couriers", "lockers", "scans"]}
    files["package.json"] = '{"name": "depot-api", "version": "1.2.0", "private": true}\n'
    write_tree(d, files)
    (d / "serverless.yml").write_text(sls_yml(rng, 48))
    cap("sls-print", "sls print", d, n_sls_print)
    cap("sls-print-stage", "sls print --stage prod 2>&1 | head -n 150", d, n_sls_print)
    cap("sls-package", "sls package; echo EXIT=$?", d, n_sls_package)
    (d / "serverless.yml").write_text(sls_yml(rng, 12, broken=True))
    cap("sls-print-error", "sls print; echo EXIT=$?", d, n_sls_print)
    cap("sls-package-error", "sls package --stage prod", d, n_sls_package)


# ------------------------------------------------------------------ husky

ESLINTRC = {"root": True, "env": {"node": True, "es2022": True}, "parserOptions": {"ecmaVersion": 2022, "sourceType": "module"},
            "extends": "eslint:recommended", "rules": {"eqeqeq": "error", "no-console": "warn", "prefer-const": "warn",
                                                       "no-var": "error", "curly": "warn"}}


def seeded_module(rng: random.Random, i: int) -> str:
    """A small module of the rota service with a few seeded mistakes (undefined names, unused vars, ==, var, console)."""
    out = [f"// shift rota rules, module {i}", "import { clamp } from './util.js';", ""]
    for j in range(rng.randint(2, 5)):
        fn = f"rule{i}_{j}"
        body = [f"export function {fn}(shift, staff) {{"]
        r = rng.random()
        if r < 0.2:
            body.append("  var hours = shift.end - shift.start;")
        else:
            body.append("  let hours = shift.end - shift.start;")
        if rng.random() < 0.3:
            body.append("  if (staff.role == 'lead') return clamp(hours, 0, 12);")
        if rng.random() < 0.25:
            body.append(f"  const unused{j} = staff.id;")
        if rng.random() < 0.2:
            body.append("  console.log('checking', shift.id);")
        if rng.random() < 0.15:
            body.append("  return totalHours + hours;")
        if rng.random() < 0.2:
            body.append("  if (hours > 10) hours = 10")
        body += ["  return clamp(hours, 0, staff.maxHours);", "}", ""]
        out += body
    return "\n".join(out) + "\n"


def cap_husky(tmp: Path) -> None:
    rng = random.Random(8703)
    r = tmp / "shift-rota"
    files = {f"src/rules/r{i:03d}.js": seeded_module(rng, i) for i in range(120)}
    files["src/util.js"] = "export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));\n"
    files[".eslintrc.json"] = json.dumps(ESLINTRC, indent=2) + "\n"
    files[".prettierrc"] = '{"singleQuote": true, "printWidth": 100}\n'
    files["package.json"] = json.dumps({"name": "shift-rota", "version": "0.7.0", "private": True, "type": "module",
                                        "lint-staged": {"*.js": ["eslint --max-warnings 0", "prettier --check"]}}, indent=2) + "\n"
    files[".gitignore"] = "node_modules\n"
    write_tree(r, files)
    link_modules(r)
    sh("git init -q -b main . && git add -A && git commit -qm 'chore: seed' --no-verify && husky", r)
    (r / ".husky").mkdir(exist_ok=True)
    (r / ".husky" / "pre-commit").write_text("npx eslint src\nnpx prettier --check src\n")
    for i in range(0, 120, 3):
        p = r / "src" / "rules" / f"r{i:03d}.js"
        p.write_text(p.read_text() + f"export const touched{i} = true;\n")
    sh("git add -A", r)
    cap("husky-eslint-all", "git commit -m 'feat: overtime caps per role'", r, n_husky)
    cap("husky-eslint-tail", "git commit -m 'feat: overtime caps per role' 2>&1 | tail -n 80; echo EXIT=$?", r, n_husky)
    (r / ".husky" / "pre-commit").write_text("npx prettier --check src\nnpx eslint src --quiet\n")
    cap("husky-prettier", "git commit -m 'fix: rota clamp'; echo EXIT=$?", r, n_husky)
    (r / ".husky" / "pre-commit").write_text("npx lint-staged\n")
    sh("git reset -q && git add src/rules/r00*.js src/rules/r01*.js", r)
    cap("husky-lint-staged", "git commit -m 'refactor: rules'", r, n_husky)


# ------------------------------------------------------------------ releases

SCOPES = ["api", "cli", "parser", "rota", "export", "auth", None, None]
SUBJECTS = ["add {x} endpoint", "support {x} in reports", "handle empty {x}", "rename {x} option", "speed up {x} lookup",
            "validate {x} input", "drop legacy {x} path", "cache {x} results"]
THINGS = ["shift", "roster", "holiday", "overtime", "swap", "timezone", "badge", "payroll", "locale", "template"]


def history(r: Path, rng: random.Random, n: int, tag_every: int) -> None:
    """A repository of n conventional commits, tagged every `tag_every` commits as releases of 1.x."""
    sh("git init -q -b main . && git add -A && git commit -qm 'chore: initial import'", r)
    sh("git tag v1.0.0", r)
    minor = 0
    script = []
    for i in range(n):
        typ = rng.choices(["feat", "fix", "perf", "docs", "chore", "refactor"], [3, 4, 1, 1, 1, 1])[0]
        scope = rng.choice(SCOPES)
        subj = rng.choice(SUBJECTS).format(x=rng.choice(THINGS))
        head = f"{typ}{'(' + scope + ')' if scope else ''}: {subj}"
        body = ""
        if rng.random() < 0.04:
            body = f"BREAKING CHANGE: the {rng.choice(THINGS)} option is now required"
        script.append(f"echo '{i}' >> CHANGES.txt && git add -A && git commit -q -m \"{head}\""
                      + (f" -m \"{body}\"" if body else ""))
        if (i + 1) % tag_every == 0 and i + 1 < n:
            minor += 1
            script.append(f"git tag v1.{minor}.0")
    for k in range(0, len(script), 40):
        sh(" && ".join(script[k:k + 40]), r)


def cap_release(tmp: Path) -> None:
    rng = random.Random(8704)
    r = tmp / "rota-cli"
    remote = tmp / "rota-cli.git"
    write_tree(r, {"package.json": json.dumps({"name": "rota-cli", "version": "1.0.0", "license": "MIT",
                                               "repository": {"type": "git", "url": f"file://{remote}"}}, indent=2) + "\n",
                   "index.js": "module.exports = {};\n", ".gitignore": "node_modules\n"})
    link_modules(r)
    history(r, rng, 200, 50)
    last = sh("git describe --tags --abbrev=0", r).strip()
    pkg = json.loads((r / "package.json").read_text())
    pkg["version"] = last.lstrip("v")
    (r / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    sh("git commit -qam 'chore: sync version'", r)
    cap("conventional-changelog-all", "conventional-changelog -p angular -r 0", r, n_changelog)
    cap("conventional-changelog-last", "conventional-changelog -p angular -r 2 | head -n 120", r, n_changelog)
    cap("standard-version", "standard-version --dry-run", r, n_standard_version_dry_run)
    cap("standard-version-prerelease", "standard-version --dry-run --prerelease rc 2>&1 | tail -n 80", r,
        n_standard_version_dry_run)
    # without its remote first (the errors are real output), then with a bare clone standing in for it
    cap("semantic-release-no-remote", "semantic-release --dry-run --no-ci; echo EXIT=$?", r, n_semantic_release_dry_run)
    cap("release-it-no-remote", "release-it --dry-run --ci --no-npm.publish; echo EXIT=$?", r, n_release_it_dry_run)
    sh(f"git clone -q --bare . {remote} && git remote add origin {remote} && git push -q origin main --tags "
       f"&& git branch -q -u origin/main", r)
    cap("semantic-release", "semantic-release --dry-run --no-ci --branches main", r, n_semantic_release_dry_run)
    cap("semantic-release-notes", "semantic-release --dry-run --no-ci --branches main --plugins "
        "@semantic-release/commit-analyzer,@semantic-release/release-notes-generator", r, n_semantic_release_dry_run)
    cap("release-it", "release-it --dry-run --ci --no-npm.publish --git.requireCleanWorkingDir=false 2>&1 | tail -n 80",
        r, n_release_it_dry_run)
    (r / "index.js").write_text("module.exports = { dirty: true };\n")
    cap("standard-version-dirty", "standard-version --dry-run --release-as major; echo EXIT=$?", r,
        n_standard_version_dry_run)


# ------------------------------------------------------------------ dbmate

def cap_dbmate(tmp: Path) -> None:
    rng = random.Random(8705)
    d = tmp / "depot-db"
    files = {".env": 'DATABASE_URL="sqlite:db/depot.sqlite3"\n'}
    tables = ["depots", "parcels", "routes", "couriers", "lockers", "scans", "claims", "labels"]
    for i in range(60):
        ts = f"2024{1 + i // 28:02d}{1 + i % 28:02d}{rng.randint(0, 23):02d}0000"
        t = tables[i % len(tables)]
        if i < len(tables):
            up, down = f"create table {t} (id integer primary key, created_at text);", f"drop table {t};"
        else:
            col = f"c{i}_{rng.choice(['note', 'code', 'flag', 'weight'])}"
            up, down = f"alter table {t} add column {col} text;", f"alter table {t} drop column {col};"
        if i == 41:
            up = f"alter table {t}s add column city text;"  # the table's name misspelled
        files[f"db/migrations/{ts}_m{i:02d}_{t}.sql"] = f"-- migrate:up\n{up}\n\n-- migrate:down\n{down}\n"
    write_tree(d, files)
    cap("dbmate-up", "dbmate up", d, n_dbmate_migrate)
    cap("dbmate-status", "dbmate status; echo EXIT=$?", d, n_dbmate_status)
    cap("dbmate-rollback", "dbmate rollback && dbmate rollback && dbmate status", d, n_dbmate_migrate)
    cap("dbmate-status-exit", "dbmate status --exit-code 2>&1 | tail -n 40; echo EXIT=$?", d, n_dbmate_status)


# ------------------------------------------------------------------ bundlesize

def cap_bundlesize(tmp: Path) -> None:
    rng = random.Random(8706)
    d = tmp / "rota-web"
    files, budgets = {}, []
    for i in range(36):
        name = f"dist/{rng.choice(['chunk', 'page', 'vendor'])}-{i:02d}.{rng.getrandbits(32):08x}.js"
        size = rng.randint(2_000, 60_000)
        files[name] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz(){};=+ \n") for _ in range(size))
        budget = size // 1000 + rng.choice([-10, -3, 2, 5, 8, 20])
        budgets.append({"path": name, "maxSize": f"{max(1, budget)} kB", "compression": "none"})
    files["package.json"] = json.dumps({"name": "rota-web", "version": "2.1.0", "private": True, "bundlesize": budgets},
                                       indent=2) + "\n"
    write_tree(d, files)
    link_modules(d)
    cap("bundlesize", "bundlesize; echo EXIT=$?", d, n_bundlesize)


STEPS = [cap_wrangler, cap_sls, cap_husky, cap_release, cap_dbmate, cap_bundlesize]
