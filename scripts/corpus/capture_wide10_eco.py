"""Round 10, Node's newer tools and infrastructure files: pnpm install / why / list, biome check and oxlint (boxed,
emoji-marked diagnostics), playwright's test runner (no browser: API-level tests), tsc -b --verbose on project
references, an npm script chaining lint and test; terraform validate / plan / fmt on configurations using only the
built-in terraform_data resource, kubectl kustomize and kubernetes-validate on manifests written here. Run through
capture_wide10.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from capture_more import add_or_skip as add, have, kind, mask, run, write_tree
from capture_wide10 import COLOR, JS, VENV, grouped_rule, line_rule

NM = JS / "node_modules"
TF_ENV = {"TF_CLI_CONFIG_FILE": None, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"}

# ================================================================== pnpm

n_pnpm_install = line_rule(
    "pnpm-install", "pkg",
    "Rules 1+3+5 on pnpm install: the 'Packages: +N' line, every 'WARN' / 'ERR_PNPM' / '×' line, every direct dependency installed ('+ name version' lines), and the closing 'Done in Ns' line.",
    hit=r"^Packages: |WARN|ERR_PNPM|^\s*× |^\s*╰─▶|^\+ \S+ \d", summary=r"^Done in ")


@kind("pnpm-why", "pkg")
def n_pnpm_why(lines):
    """Rule 5 on pnpm why PKG: every line naming a version of the package asked about (the root of each reverse-dependency tree, 'pkg@1.2.3' or 'pkg 1.2.3')."""
    return [ln for ln in lines if re.match(r"^[\w@/.-]+[@ ]\d+\.\d+\.\d+", ln)]


@kind("pnpm-list", "pkg")
def n_pnpm_list(lines):
    """Rule 5 on pnpm list --depth 1: the project line and every direct dependency with its version (the tree's first-level lines '├─┬ name@1.2.3' / '└── name@1.2.3')."""
    return [ln for ln in lines if re.match(r"^[\w@/.-]+@\d", ln)][:1] + [ln for ln in lines if re.match(r"^[├└]─[┬─] \S+@\d", ln)]


PNPM_PKG = {"name": "orders-web", "version": "0.3.0", "private": True,
            "dependencies": {"express": "^4.19.0", "lodash": "^4.17.21", "date-fns": "^3.6.0", "zod": "^3.23.0",
                             "pino": "^9.0.0", "axios": "^1.7.0",
                             "ws": "^8.18.0", "uuid": "^10.0.0", "commander": "^12.1.0", "dotenv": "^16.4.0", "chalk": "^5.3.0"},
            "devDependencies": {"vitest": "^2.1.0", "eslint": "^8.57.0", "typescript": "~5.4.0"},
            "peerDependencies": {"react": "^19.0.0"}}


def cap_pnpm(tmp: Path) -> None:
    d = tmp / "pnpm-app"
    d.mkdir()
    (d / "package.json").write_text(json.dumps(PNPM_PKG, indent=2))
    env = {"npm_config_store_dir": str(tmp / "pnpm-store"), "PNPM_HOME": str(tmp / "pnpm-home"), "CI": "1"}
    pnpm = NM / ".bin" / "pnpm"
    add("pnpm-install", "pnpm install", run(f"{pnpm} install --reporter=append-only", cwd=d, env=env, timeout=600), n_pnpm_install)
    add("pnpm-why-ms", "pnpm why ms", run(f"{pnpm} why ms", cwd=d, env=env, timeout=120), n_pnpm_why)
    add("pnpm-list-depth1", "pnpm list --depth 1", run(f"{pnpm} list --depth 1", cwd=d, env=env, timeout=120), n_pnpm_list)


# ================================================================== biome, oxlint, tsc -b, playwright, npm run

n_biome = grouped_rule(
    "biome-check", "lint",
    "Rules 1+3 on biome check: every diagnostic header line ('path:L:C lint/rule ━━━', whose level is below it) as one needle per (rule, file); every '✖' error line; the closing 'Found N errors.' / 'Checked N files' lines.",
    warn=r"^(\S+):\d+:\d+ ([\w/]+)", key=lambda m: (m.group(2), m.group(1)),
    hit=r"^Found \d+ (errors?|warnings?)", summary=r"^Checked \d+ files?")
n_oxlint = grouped_rule(
    "oxlint", "lint",
    "Rules 1+3 on oxlint: every '×' (error) finding line each; '⚠' (warning) findings as one needle per (rule, message shape); the 'Found N warnings and M errors.' line.",
    warn=r"^\s*⚠ ([\w-]+\([\w/-]+\)): (.*)", key=lambda m: (m.group(1), mask(m.group(2))),
    hit=r"^\s*× ", summary=r"^Found \d+ warnings?")
n_tsc_b = line_rule(
    "tsc-build-verbose", "build",
    "Rules 1+3 on tsc -b --verbose: every 'error TS….' line (file(L,C) on it), every 'Project … is out of date' / 'Skipping build of project' line, and the 'Found N errors' summary.",
    hit=r"error TS\d+|Skipping build|out of date|is up to date", summary=r"^Found \d+ errors?")
n_playwright = line_rule(
    "playwright-test", "test",
    "Rule 2 on playwright test (list reporter): every failed test line ('✘ N [project] › file:L:C › title' and the numbered failure header '1) …'), the first 'Error:' / 'Expected' line of each, and the closing 'N failed' / 'N passed' lines.",
    hit=r"✘|^\s+\d+\) |^\s+Error: |^\s+\d+ (failed|flaky|passed)\b")
n_npm_run = line_rule(
    "npm-run-chain", "build",
    "Rules 1+2+3 on npm run ci (typecheck; lint; test chained in package.json): every script header ('> orders@1 lint'), every error/failure line of the inner tools ('error TS…', prettier's '[warn] file', node --test's '✖ name' and first 'AssertionError' line), the runner's 'ℹ fail N' count, and npm's 'npm error' lines.",
    hit=r"^> \S+@\S+ \w+$|^npm (error|ERR!)|error TS\d+|^\[warn\]|^\s*✖ |AssertionError|^ℹ fail ")

BIOME_SRC = {
    "src/cart.ts": """import { readFileSync } from "fs";
import * as path from 'path'

export interface Line { sku: string; qty: number; cents: number }

export function total(lines: Line[]): number {
  var sum = 0
  for (let i = 0; i < lines.length; i++) { sum += lines[i].qty * lines[i].cents }
  if (sum == 0) return 0;
  return sum
}

export function load(file: any) {
  const raw = readFileSync(file, "utf8")
  const data = JSON.parse(raw);
  debugger;
  return data.lines as Line[]
}

export const fmt = (n: number) => { return "€" + (n / 100).toFixed(2) }
""",
    "src/api.ts": """export async function fetchOrders(base: string) {
  const res = await fetch(base + '/orders')
  if (res.status != 200) { throw 'bad status ' + res.status }
  const body: any = await res.json()
  return body.results.map((r: any) => { return { ...r, total: r.qty * r.cents } })
}

export function retry(fn: Function, n = 3): any {
  try { return fn() } catch (e) { if (n > 0) return retry(fn, n - 1); else throw e }
}

export class Client {
  constructor(private base: string) { this.base = base; }
  get orders() { return fetchOrders(this.base) }
}
""",
    "src/util.js": """function unused(a, b) { return a }
export function isEmpty(o) { return Object.keys(o).length == 0 }
export function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms) }) }
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'mon']
let counter = 0; counter++
""",
}

TSB = {
    "tsconfig.json": json.dumps({"files": [], "references": [{"path": "packages/core"}, {"path": "packages/api"}, {"path": "packages/web"}]}),
    "packages/core/tsconfig.json": json.dumps({"compilerOptions": {"composite": True, "strict": True, "outDir": "dist", "rootDir": "src"}}),
    "packages/core/src/money.ts": "export type Cents = number & { __brand: 'cents' };\nexport const cents = (n: number) => n as Cents;\n"
                                  "export function add(a: Cents, b: Cents): Cents { return (a + b) as Cents; }\n",
    "packages/api/tsconfig.json": json.dumps({"compilerOptions": {"composite": True, "strict": True, "outDir": "dist", "rootDir": "src"},
                                              "references": [{"path": "../core"}]}),
    "packages/api/src/orders.ts": "import { add, cents, Cents } from '../../core/src/money';\n"
                                  "export interface Order { id: number; total: Cents }\n"
                                  "export function sum(os: Order[]): Cents { return os.reduce((a, o) => add(a, o.total), 0); }\n"
                                  "export function parse(x: unknown): Order { return { id: x.id, total: cents(x.total) }; }\n",
    "packages/web/tsconfig.json": json.dumps({"compilerOptions": {"composite": True, "strict": True, "outDir": "dist", "rootDir": "src"},
                                              "references": [{"path": "../api"}]}),
    "packages/web/src/view.ts": "import { Order } from '../../api/src/orders';\nexport const row = (o: Order) => `${o.id}: ${o.total.toFixed(2)}`;\n",
}

PLAYWRIGHT = {
    "playwright.config.js": "module.exports = { reporter: 'list', retries: 1, workers: 1, projects: [{ name: 'api' }] };\n",
    "tests/orders.spec.js": """const { test, expect } = require('@playwright/test');
const { total, fmt, parseQuery } = require('../lib');

test.describe('totals', () => {
  for (const [lines, want] of [[[], 0], [[{ qty: 2, cents: 250 }], 500], [[{ qty: 1, cents: 999 }, { qty: 3, cents: 1 }], 1002],
                               [[{ qty: 10, cents: 1000 }], 9500]]) {
    test(`total of ${lines.length} lines is ${want}`, () => { expect(total(lines)).toBe(want); });
  }
});

test('formats euros', () => { expect(fmt(1050)).toBe('€10.50'); });
test('formats negative', () => { expect(fmt(-5)).toBe('-€0.05'); });

test.describe('query parsing', () => {
  test('simple', () => { expect(parseQuery('a=1&b=2')).toEqual({ a: '1', b: '2' }); });
  test('repeated keys', () => { expect(parseQuery('a=1&a=2')).toEqual({ a: ['1', '2'] }); });
  test('encoded', () => { expect(parseQuery('q=caf%C3%A9')).toEqual({ q: 'café' }); });
  test('soft checks', () => {
    expect.soft(parseQuery('')).toEqual({});
    expect.soft(parseQuery('x')).toEqual({ x: '' });
  });
});

let calls = 0;
test('flaky clock', () => { calls += 1; expect(Date.now() % 2 === 0 || calls > 1).toBeTruthy(); });
""",
    "lib.js": """exports.total = (lines) => lines.reduce((s, l) => s + l.qty * l.cents, 0);
exports.fmt = (c) => '€' + (c / 100).toFixed(2);
exports.parseQuery = (q) => Object.fromEntries(q.split('&').map((kv) => kv.split('=')));
""",
}

NPM_RUN = {
    "package.json": json.dumps({"name": "orders", "version": "1.0.0", "private": True,
                                "scripts": {"lint": "prettier --check 'src/**/*.js'", "typecheck": "tsc --noEmit --allowJs --checkJs src/*.js",
                                            "test": "node --test test/", "ci": "npm run typecheck; npm run lint; npm run test"}}, indent=2),
    "src/price.js": "/** @param {number} c */\nexports.fmt = (c) => (c / 100).toFixed(2);\n/** @param {string} s */\nexports.parse = (s) => Math.round(s * 100);\n",
    "src/cart.js": "const { fmt } = require('./price');\nexports.show = (/** @type {{qty:number,cents:number}[]} */ ls) =>\n  ls.map(l => fmt(l.qty * l.cents, 'EUR')).join(\",\");\n",
    "src/format.js": "exports.pad=(s,n)=>String(s).padStart(n,'0')\nexports.money = ( c ) => {\n    return c.toLocaleString( 'en' )\n}\n",
    "src/tax.js": "const RATES = {fr: 0.2, de: 0.19, lu: 0.17}\n/** @param {keyof typeof RATES} c */\nexports.rate = (c) => RATES[c]\nexports.vat = (c, x) => x * exports.rate(c.toUpperCase())\n",
    "test/tax.test.js": "const test = require('node:test');\nconst assert = require('node:assert');\nconst { rate, vat } = require('../src/tax');\n"
                        "test('rate fr', () => assert.strictEqual(rate('fr'), 0.2));\ntest('vat de', () => assert.strictEqual(vat('de', 100), 19));\n"
                        "test('vat unknown', () => assert.throws(() => vat('xx', 1)));\n",
    "test/price.test.js": "const test = require('node:test');\nconst assert = require('node:assert');\nconst { fmt, parse } = require('../src/price');\n"
                          "test('fmt', () => assert.strictEqual(fmt(1050), '10.50'));\ntest('parse', () => assert.strictEqual(parse('10.505'), 1051));\n"
                          "test('parse garbage', () => assert.ok(Number.isNaN(parse('x'))));\n",
}


def cap_node_tools(tmp: Path) -> None:
    d = tmp / "biome"
    write_tree(d, BIOME_SRC)
    (d / "node_modules").symlink_to(NM)
    add("biome-check", "npx biome check src", run("npx biome check --colors=off src", cwd=d, timeout=120), n_biome)
    add("oxlint-src", "npx oxlint -W all src", run("npx oxlint -W all src", cwd=d, timeout=120), n_oxlint)
    t = tmp / "tsb"
    write_tree(t, TSB)
    (t / "node_modules").symlink_to(NM)
    add("tsc-b-verbose", "npx tsc -b --verbose", run("npx tsc -b --verbose", cwd=t, timeout=300), n_tsc_b)
    p = tmp / "pw"
    write_tree(p, PLAYWRIGHT)
    (p / "node_modules").symlink_to(NM)
    add("playwright-test-list", "npx playwright test", run("npx playwright test", cwd=p, env={"CI": "1"}, timeout=300), n_playwright)
    n = tmp / "npmrun"
    write_tree(n, NPM_RUN)
    (n / "node_modules").symlink_to(NM)
    add("npm-run-ci-chain", "npm run ci", run("npm run ci", cwd=n, timeout=300), n_npm_run)


# ================================================================== terraform, kustomize, kubernetes-validate

n_tf_validate = line_rule(
    "terraform-validate", "lint",
    "Rule 1 on terraform validate (boxed ╷│╵ diagnostics): every '│ Error: …' / '│ Warning: …' line with its '│   on main.tf line N' location line, and the closing success/failure line.",
    hit=r"(Error|Warning): ", loc=r"on \S+\.tf line \d+", summary=r"configuration is valid|Success!")


@kind("terraform-plan", "build")
def n_tf_plan(lines):
    """Rules 3+5 on terraform plan: every '# resource will be created / destroyed / updated / replaced' line, every 'Error:'/'Warning:' line, and the 'Plan: N to add, M to change, K to destroy.' line with the 'Changes to Outputs:' header."""
    return [ln for ln in lines if re.match(r"^\s+# \S+ (will|must) be ", ln) or re.search(r"(Error|Warning): ", ln)
            or ln.startswith(("Plan: ", "Changes to Outputs:", "No changes."))]


n_tf_fmt = line_rule(
    "terraform-fmt", "lint",
    "Rule 1 on terraform fmt -check -diff -recursive: every file name line it reports (the files that need formatting) and every 'Error:' line.",
    hit=r"^\S+\.tf$|Error: |^--- old/")

TF_MAIN = """terraform {
  required_version = ">= 1.5"
}

variable "services" {
  type = map(object({ replicas = number, port = number, tier = string }))
  default = {
    web     = { replicas = 3, port = 8080, tier = "frontend" }
    api     = { replicas = 4, port = 9000, tier = "backend" }
    worker  = { replicas = 2, port = 0, tier = "backend" }
    metrics = { replicas = 1, port = 9100, tier = "ops" }
  }
}

variable "env" {
  type    = string
  default = "staging"
  validation {
    condition     = contains(["staging", "prod"], var.env)
    error_message = "env must be staging or prod."
  }
}

locals {
  name_prefix = "orders-${var.env}"
  ports       = { for k, s in var.services : k => s.port if s.port > 0 }
}

resource "terraform_data" "service" {
  for_each = var.services
  input = {
    name     = "${local.name_prefix}-${each.key}"
    replicas = each.value.replicas
    port     = each.value.port
    tier     = each.value.tier
  }
}

resource "terraform_data" "dns" {
  for_each         = local.ports
  input            = "${each.key}.${var.env}.internal:${each.value}"
  triggers_replace = [terraform_data.service[each.key].id]
}

resource "terraform_data" "migration" {
  input = { version = 42, service = terraform_data.service["api"].output.name }
  lifecycle {
    precondition {
      condition     = var.services["api"].replicas >= 2
      error_message = "api needs two replicas during migrations."
    }
  }
}

output "endpoints" {
  value = { for k, d in terraform_data.dns : k => d.output }
}

output "migration" {
  value = terraform_data.migration.output
}
"""

TF_BROKEN = """resource "terraform_data" "cache" {
  input = var.cache_size * 2
  triggers_replace = [terraform_data.missing.id]
}

resource "terraform_data" "queue" {
  input = { name = local.queue_name, size = var.services.queue.replicas }
  unknown_argument = true
}

data "terraform_remote_state" "net" {
  backend = "s3"
}

output "cache" {
  value = terraform_data.cache.outputs
}
"""


def cap_terraform(tmp: Path) -> None:
    if not have("terraform", "terraform"):
        return
    d = tmp / "tf"
    write_tree(d, {"main.tf": TF_MAIN})
    run("terraform init -input=false -no-color", cwd=d, env=TF_ENV, timeout=300)
    add("terraform-plan-create", "terraform plan", run("terraform plan -input=false -no-color", cwd=d, env=TF_ENV, timeout=300), n_tf_plan)
    run("terraform apply -input=false -auto-approve -no-color", cwd=d, env=TF_ENV, timeout=300)
    (d / "main.tf").write_text(TF_MAIN.replace("replicas = 4, port = 9000", "replicas = 6, port = 9001")
                               .replace('    metrics = { replicas = 1, port = 9100, tier = "ops" }\n', "")
                               .replace("version = 42", "version = 43"))
    add("terraform-plan-update-color", "terraform plan (after edits; colour)",
        run("terraform plan -input=false", cwd=d, env={**TF_ENV, **COLOR}, timeout=300), n_tf_plan)
    b = tmp / "tf-broken"
    write_tree(b, {"main.tf": TF_MAIN, "broken.tf": TF_BROKEN})
    run("terraform init -input=false -no-color", cwd=b, env=TF_ENV, timeout=300)
    add("terraform-validate-errors", "terraform validate", run("terraform validate", cwd=b, env=TF_ENV, timeout=300), n_tf_validate)
    f = tmp / "tf-fmt"
    write_tree(f, {"main.tf": TF_MAIN.replace("  ", "    ").replace(" = ", "=", 9), "modules/net/vars.tf": "variable   \"cidr\" {\ntype=string\n  default =  \"10.0.0.0/16\"\n}\n",
                   "modules/net/ok.tf": "output \"x\" {\n  value = 1\n}\n", "envs/prod.tf": "locals {\n  a = 1\n    bb = 2\n}\n"})
    add("terraform-fmt-check-diff", "terraform fmt -check -diff -recursive",
        run("terraform fmt -check -diff -recursive -no-color", cwd=f, env=TF_ENV, timeout=120), n_tf_fmt)


@kind("kustomize-build", "doc")
def n_kustomize(lines):
    """Rule 5 on kubectl kustomize output (a multi-document YAML stream): every 'kind: X' line at the top level and the first '  name: …' line after it (which object each document is)."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("kind: "):
            out.append(ln)
            j = i
            while j > 0 and lines[j - 1] != "---":
                j -= 1
            block = lines[j:next((k for k in range(i, len(lines)) if lines[k] == "---"), len(lines))]
            out.append(next((x for x in block if x.startswith("  name: ")), None))
    return out


n_kval = line_rule(
    "kubernetes-validate", "lint",
    "Rule 1 on kubernetes-validate over many manifests: every 'ERROR' line (file and path on it) and every 'WARN' line, and each 'INFO … passed' line is not asked for.",
    hit=r"ERROR|WARN|Error")

K8S_BASE = {
    "kustomization.yaml": "resources:\n  - deployment.yaml\n  - service.yaml\n  - configmap.yaml\nnamePrefix: orders-\ncommonLabels:\n  app.kubernetes.io/part-of: orders\n",
    "deployment.yaml": """apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.org/orders/api:1.4.2
          ports: [{containerPort: 9000}]
          envFrom: [{configMapRef: {name: settings}}]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "1", memory: 512Mi}
          readinessProbe: {httpGet: {path: /health, port: 9000}, periodSeconds: 5}
""",
    "service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: 9000}]\n",
    "configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n  DB_POOL: \"10\"\n",
}
K8S_OVERLAY = {
    "overlays/prod/kustomization.yaml": "resources:\n  - ../../base\n  - hpa.yaml\nnamespace: orders-prod\nreplicas:\n  - name: orders-api\n    count: 6\n"
                                        "images:\n  - name: registry.example.org/orders/api\n    newTag: 1.5.0\n"
                                        "patches:\n  - target: {kind: Deployment, name: orders-api}\n"
                                        "    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/resources/limits/memory\n        value: 1Gi\n"
                                        "configMapGenerator:\n  - name: flags\n    literals: [CHECKOUT_V2=true, REFUNDS=false]\n",
    "overlays/prod/hpa.yaml": "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: orders-api\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: orders-api}\n  minReplicas: 6\n  maxReplicas: 20\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]\n",
}
K8S_BAD = {
    "bad/cronjob.yaml": "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: '0 3 * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Sometimes\n          containers:\n            - name: job\n              image: busybox\n              args: [sh, -c, 'echo hi']\n",
    "bad/deploy-v1beta.yaml": "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: legacy\nspec:\n  replicas: two\n",
    "bad/service.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: '80'\n      targetPort: 8080\n      protocol: HTTP\n  type: LoadBalancer\n",
    "bad/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  labels: {tier: 3}\nspec:\n  containers:\n    - name: shell\n      image: busybox\n      resources: {limits: {memory: lots}}\n      ports: [{containerPort: 70000}]\n",
}


def cap_kube(tmp: Path) -> None:
    d = tmp / "k8s"
    write_tree(d / "base", K8S_BASE)
    write_tree(d, K8S_OVERLAY)
    write_tree(d, K8S_BAD)
    if have("kubectl", "kustomize-build"):
        add("kubectl-kustomize-prod", "kubectl kustomize overlays/prod", run("kubectl kustomize overlays/prod", cwd=d, timeout=120), n_kustomize)
    svcs = ["billing", "catalog", "checkout", "search", "notify", "ledger", "gateway", "reports"]
    write_tree(d, {f"svc/{n}.yaml": K8S_BASE["deployment.yaml"].replace("name: api", f"name: {n}").replace("api:1.4.2", f"{n}:2.0.{i}")
                   .replace("memory: 512Mi", "memory: 512MB" if n == "search" else "memory: 512Mi") for i, n in enumerate(svcs)})
    files = " ".join(["base/deployment.yaml", "base/service.yaml", "base/configmap.yaml", "overlays/prod/hpa.yaml"]
                     + [f"svc/{n}.yaml" for n in svcs] + sorted(K8S_BAD))
    add("kubernetes-validate-manifests", f"kubernetes-validate {files}",
        run(f"{VENV}/bin/kubernetes-validate {files}", cwd=d, timeout=300), n_kval)


STEPS = [cap_pnpm, cap_node_tools, cap_terraform, cap_kube]
