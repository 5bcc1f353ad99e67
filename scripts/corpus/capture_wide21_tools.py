"""Round 21, dev tools, Node's tooling and infra: pre-commit with local hooks failing, nox without venvs, mkdocs
--strict, black/isort --diff on a messy package; prettier --check, stylelint, knip, depcheck, madge --circular, vite
build, vitest's verbose reporter and eslint's flat config on a grown storefront; ansible-playbook --check --diff with a
failed task and ansible-inventory --graph (local connection), openssl req/x509 -text, jq and yq transforms, and
systemd-analyze verify on unit files written here. Run through capture_wide21.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_data import json_records_needles, rule4, ws_rows
from capture_diagnostics import needles_eslint, needles_vitest
from capture_more import kind, n_black, n_isort, n_prettier, n_stylelint, named, run, write_tree
from capture_wide4 import n_x509
from capture_wide6_new import n_nox, n_pre_commit, n_vite
from capture_wide10 import line_rule
from capture_wide13_pkgs import n_mkdocs
from capture_wide21 import BIN, JS, TMP, cap

GIT_ENV = {"GIT_AUTHOR_NAME": "Ada Dev", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_COMMITTER_NAME": "Ada Dev",
           "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP),
           "PRE_COMMIT_HOME": str(TMP / "pre-commit-cache")}

# ================================================================== Python dev tools

MESSY = {
    "billing/__init__.py": "",
    "billing/invoice.py": "import os,sys\nfrom typing import List, Optional, Dict\nfrom datetime import datetime\nimport json\n\n\nclass Invoice(object):\n    def __init__(self,number:str,lines:List[Dict]=[],due:Optional[datetime]=None):\n        self.number=number\n        self.lines=lines\n        self.due=due\n\n    def total(self)->float:\n        print('computing total for %s' % self.number)\n        return sum([l['qty']*l['price'] for l in self.lines])\n\n    def to_json(self):\n        # TODO: dates\n        return json.dumps({'number':self.number,'total':self.total()})\n",
    "billing/tax.py": "from typing import Dict, Tuple\nimport math, decimal\n\nRATES : Dict[str,float] = {'FR':0.2,'DE':0.19,'IT':0.22}\n\ndef tax(amount:float, country:str)->Tuple[float,float]:\n    rate=RATES.get(country, 0.0)\n    print(\"tax\", country, rate)\n    return (round(amount*rate,2), round(amount*(1+rate),2))\n\ndef describe(c):\n    return '{} at {}%'.format(c, RATES[c]*100)\n",
    "billing/report.py": "import sys\nfrom billing.tax import tax\nfrom billing.invoice import Invoice\nimport csv, io\n\n\ndef rows(invoices):\n    out=io.StringIO()\n    w=csv.writer(out)\n    for inv in invoices :\n        w.writerow([inv.number, inv.total(), tax(inv.total(),'FR')[0]])\n    return out.getvalue()\n\n\nif __name__=='__main__':\n    print(rows([Invoice('A1',[{'qty':1,'price':2.5}])]))  # FIXME remove\n",
    "billing/util.py": "def chunks(seq, n):\n    return [seq[i:i + n] for i in range(0, len(seq), n)]\n\n\ndef money(x):\n    return \"%.2f\" % x\n",
    "tests/test_tax.py": "from billing.tax import tax, describe\n\n\ndef test_fr():\n    assert tax(100, 'FR') == (20.0, 120.0)\n\n\ndef test_unknown_country():\n    assert tax(100, 'XX') == (0.0, 100.0)\n\n\ndef test_describe():\n    assert describe('DE') == 'DE at 19%'\n",
}
PRE_COMMIT_CFG = f"""repos:
  - repo: local
    hooks:
      - id: no-print
        name: no print() in library code
        language: pygrep
        entry: '^\\s*print\\('
        files: ^billing/
      - id: no-todo
        name: no TODO/FIXME left behind
        language: pygrep
        entry: '(TODO|FIXME)'
        types: [python]
      - id: black
        name: black
        language: system
        entry: {BIN}/black --check --diff
        types: [python]
      - id: isort
        name: isort
        language: system
        entry: {BIN}/isort --check-only --profile black
        types: [python]
      - id: pyupgrade
        name: pyupgrade
        language: system
        entry: {BIN}/pyupgrade --py311-plus
        types: [python]
      - id: json
        name: check json
        language: system
        entry: {BIN}/python -m json.tool
        files: \\.json$
"""
NOXFILE = f'''import nox

nox.options.default_venv_backend = "none"


@nox.session
def lint(session):
    session.run("{BIN}/black", "--check", "billing", "tests")


@nox.session
def imports(session):
    session.run("{BIN}/isort", "--check-only", "--diff", "billing")


@nox.session
def tests(session):
    session.run("{BIN}/python", "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "tests")


@nox.session
def compile(session):
    session.run("{BIN}/python", "-m", "compileall", "-q", "billing")
'''
MKDOCS = {
    "mkdocs.yml": "site_name: Billing\nnav:\n  - Home: index.md\n  - Guide:\n      - Install: guide/install.md\n      - Invoices: guide/invoices.md\n      - Taxes: guide/taxes.md\n  - API: api.md\n  - Changelog: changelog.md\n  - Ops:\n      - Deploy: ops/deploy.md\n      - Backup: ops/backup.md\n      - Restore: ops/restore.md\n      - Scaling: ops/scaling.md\n      - Alerts: ops/alerts.md\n      - On call: ops/oncall.md\n      - Runbooks: runbooks/index.md\n",
    "docs/index.md": "# Billing\n\nSee the [install guide](guide/install.md), [invoices](guide/invoice.md) and the [API](api.md#invoice-class).\n\n![logo](img/logo.png)\n",
    "docs/guide/install.md": "# Install\n\n```\npip install billing\n```\n\nThen read [taxes](taxes.md#rates) and [the FAQ](../faq.md).\n",
    "docs/guide/invoices.md": "# Invoices\n\nAn invoice has lines. See [Invoice.total](../api.md#total) and [reports](../reports.md).\n",
    "docs/guide/taxes.md": "# Taxes\n\n## Rates\n\nFR 20%, DE 19%, IT 22%. Back to [home](../index.md).\n",
    "docs/api.md": "# API\n\n## Invoice class\n\n## total\n\nSee [changelog](changelog.md#v2).\n",
    "docs/changelog.md": "# Changelog\n\n## 2.0\n\n- taxes per country\n",
    "docs/notes.md": "# Notes\n\nNot in nav.\n",
} | {f"docs/ops/{p}.md": f"# {p.title()}\n\nSee [{p} runbook](../runbooks/{p}.md), [the API](../api.md#{p}) and "
     f"[install](../guide/install.md#requirements).\n\n![diagram](img/{p}.svg)\n" for p in ("deploy", "backup", "restore", "scaling", "alerts", "oncall")}


def cap_pydev(tmp: Path) -> None:
    root = tmp / "billing"
    write_tree(root, MESSY | {"fixtures.json": '{"a": 1,}\n', ".pre-commit-config.yaml": PRE_COMMIT_CFG, "noxfile.py": NOXFILE})
    run("git init -q -b main && git add -A && git commit -qm init", cwd=root, env=GIT_ENV)
    cap("pre-commit-local-hooks", f"{BIN}/pre-commit run --all-files", root, n_pre_commit, env=GIT_ENV,
        typed="pre-commit run --all-files")
    run("git checkout -q -- .", cwd=root, env=GIT_ENV)
    cap("black-diff", f"{BIN}/black --diff --check billing tests", root, n_black, typed="black --diff --check billing tests")
    cap("isort-diff", f"{BIN}/isort --diff --check-only billing tests", root, n_isort, typed="isort --diff --check-only billing tests")
    cap("nox-no-venv", f"{BIN}/nox", root, n_nox, typed="nox")
    docs = tmp / "docs"
    write_tree(docs, MKDOCS)
    cap("mkdocs-strict", f"{BIN}/mkdocs build --strict", docs, n_mkdocs, typed="mkdocs build --strict")


# ================================================================== Node tooling

n_knip = line_rule(
    "knip", "lint",
    "Rules 1+3 on knip: every section header with its count ('Unused files (3)') and every finding row under it (knip prints no level: each row is one file or export).",
    hit=r"^\S.*\(\d+\)$|^\S+\s+\S.*|^[\w./@-]+$")
n_depcheck = line_rule(
    "depcheck", "lint",
    "Rules 1+3 on depcheck: every section header ('Unused dependencies', 'Missing dependencies') and every '* name' row (missing ones name the file using them).",
    hit=r"^(Unused|Missing) |^\* ")
n_madge = line_rule(
    "madge-circular", "lint",
    "Rules 1+3 on madge --circular: the 'Found N circular dependencies!' line and every numbered cycle row.",
    hit=r"circular dependenc|^\d+\) ")
n_vitest_verbose = named(
    "vitest-verbose", "test",
    "Rules 1+2 on vitest --reporter=verbose: the vitest rule (each FAIL header, its first error line, the Test Files/Tests summary lines), plus a failed suite's 'FAIL file' header, 'Error:' line and its first '❯ file:line:col' location.",
    lambda lines: needles_vitest(lines) + [ln for ln in lines if re.match(r"^\s*(FAIL|Error:)\s", ln)]
    + [next((ln for ln in lines if re.match(r"^\s*❯ \S+:\d+:\d+", ln)), None)])
n_vite_failed = named(
    "vite-build-failed", "build",
    "Rules 1+3+4 on a failing vite build: the vite-build rule (modules transformed, '(!)' warnings, smallest and largest chunk rows), plus the '✗ Build failed' line, every 'Error:' / '[CODE] message' line and the '╭─[ file:line:col ]' location under it.",
    lambda lines: n_vite(lines) + [ln for ln in lines if re.match(r"^(✗ Build failed|Error: |\[[A-Z_]+\] )", ln)]
    + [next((ln for ln in lines if re.match(r"^\s*╭─\[ \S+:\d+:\d+ \]", ln)), None)])
n_eslint_flat = named("eslint-flat", "lint", "Rules 1+3 on eslint (flat config, stylish): the eslint rule (error lines with their file, warnings one per (rule, file), the problems count).", needles_eslint)

WEB = {
    "package.json": json.dumps({"name": "storefront", "version": "0.3.0", "private": True, "type": "module",
                                "scripts": {"build": "vite build", "test": "vitest run"},
                                "dependencies": {"lodash": "^4.17.21", "dayjs": "^1.11.0", "left-pad": "^1.3.0"},
                                "devDependencies": {"vite": "*", "vitest": "*", "eslint": "*", "@eslint/js": "*"}}, indent=2) + "\n",
    "index.html": '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.js"></script></body></html>\n',
    "src/main.js": "import { renderCart } from './cart.js'\nimport { formatPrice } from './format.js'\nimport './styles/main.css'\n\nconst app = document.querySelector('#app')\napp.innerHTML = renderCart([{ sku: 'A', qty: 2, price: 9.5 }])\nconsole.log(formatPrice(12))\n",
    "src/cart.js": "import { formatPrice } from './format.js'\nimport { applyPromo } from './promo.js'\nimport chunk from 'lodash/chunk'\n\nexport function cartTotal(lines) {\n  return lines.reduce((s, l) => s + l.qty * l.price, 0)\n}\n\nexport function renderCart(lines, promo) {\n  var total = applyPromo(cartTotal(lines), promo)\n  const unused = chunk(lines, 2)\n  return `<ul>${lines.map(l => `<li>${l.sku} x${l.qty}</li>`).join('')}</ul><b>${formatPrice(total)}</b>`\n}\n\nexport const CART_VERSION = 2\n",
    "src/promo.js": "import { cartTotal } from './cart.js'\n\nexport function applyPromo(total, code) {\n  if (code == 'HALF') return total / 2\n  if (code === 'TEN') return total - 10\n  return total\n}\n\nexport function bestPromo(lines) {\n  return cartTotal(lines) > 100 ? 'HALF' : 'TEN'\n}\n",
    "src/format.js": "import dayjs from 'dayjs'\nimport numeral from 'numeral'\n\nexport function formatPrice(x) {\n  return x.toFixed(2) + ' €'\n}\n\nexport function formatDate(d) {\n  return dayjs(d).format('YYYY-MM-DD')\n}\n\nexport function formatQty(q) {\n  return numeral(q).format('0,0')\n}\n",
    "src/legacy/old-cart.js": "export function oldTotal(l) { return l.length }\n",
    "src/legacy/helpers.js": "export const noop = () => {}\n",
    "src/styles/main.css": "body { margin: 0; font-family: Arial }\n.cart li{color:#FFF;colour: red}\n.cart b { font-weight: bold; font-weight: 700; }\na { color: #12345 }\n.promo { margin: 0px 0 0 0; }\n@media (min-width:600px) { .cart { display: flexbox } }\n",
    "src/styles/theme.css": ".btn{background:RED;padding:4px 8px 4px 8px}\n.btn:hover { }\n.title { font: 12px/1.4 Helvetica Neue, sans-serif }\n",
    "test/cart.test.js": "import { describe, it, expect } from 'vitest'\nimport { cartTotal, renderCart } from '../src/cart.js'\nimport { applyPromo, bestPromo } from '../src/promo.js'\nimport { formatPrice } from '../src/format.js'\n\ndescribe('cart', () => {\n  it('sums lines', () => expect(cartTotal([{ qty: 2, price: 3 }, { qty: 1, price: 4 }])).toBe(10))\n  it('empty cart is zero', () => expect(cartTotal([])).toBe(0))\n  it('renders items', () => expect(renderCart([{ sku: 'A', qty: 1, price: 2 }])).toContain('<li>A x1</li>'))\n  it('renders total with currency', () => expect(renderCart([{ sku: 'A', qty: 1, price: 2 }])).toContain('2.00 EUR'))\n})\n\ndescribe('promo', () => {\n  it('halves', () => expect(applyPromo(50, 'HALF')).toBe(25))\n  it('ten off', () => expect(applyPromo(50, 'TEN')).toBe(40))\n  it('never negative', () => expect(applyPromo(5, 'TEN')).toBe(0))\n  it('best promo over 100', () => expect(bestPromo([{ qty: 1, price: 150 }])).toBe('HALF'))\n  it('best promo under 100', () => expect(bestPromo([{ qty: 1, price: 10 }])).toEqual('NONE'))\n})\n\ndescribe('format', () => {\n  it('two decimals', () => expect(formatPrice(1.005)).toBe('1.01 €'))\n  it('thousands', () => expect(formatPrice(1234.5)).toBe('1,234.50 €'))\n})\n",
    "eslint.config.js": "import js from '@eslint/js'\n\nexport default [js.configs.recommended, { languageOptions: { globals: { document: 'readonly', console: 'readonly' } }, rules: { 'no-var': 'error', eqeqeq: 'warn', 'prefer-const': 'warn' } }]\n",
    ".stylelintrc.json": '{"extends": "stylelint-config-standard"}\n',
}


FEATURES = ["search", "wishlist", "reviews", "checkout", "shipping", "coupons", "account", "orders", "returns", "gifts",
            "loyalty", "compare", "recently-viewed", "stock-alerts", "store-locator", "newsletter", "banners", "seo"]


def grown_web() -> dict[str, str]:
    """The storefront grown to 18 feature folders, each with the slips a real app collects: a dependency never
    declared, 'var' and '==', an export nobody imports, an unformatted file, a cycle between two neighbours, CSS the
    standard config rejects; the last three features are reachable from no entry."""
    files = dict(WEB)
    main = files["src/main.js"]
    for i, name in enumerate(FEATURES):
        fn = name.replace("-", "_")
        dep = "axios" if i % 4 == 1 else "zod" if i % 5 == 2 else None
        nxt = FEATURES[i + 1] if i % 6 == 0 and i + 1 < len(FEATURES) else None
        prev = FEATURES[i - 1] if i % 6 == 1 else None
        api = (f"import {dep} from '{dep}'\n" if dep else "") + (f"import {{ render_{prev.replace('-', '_')} }} from '../{prev}/view.js'\n" if prev else "")
        api += (f"\nexport async function load_{fn}(id) {{\n  var url = '/api/{name}/' + id\n  if (id == null) return []\n"
                f"  const res = await fetch(url)\n  return res.json()\n}}\n\nexport function cache_{fn}() {{\n  let hits = 0\n  return hits\n}}\n")
        view = (f"import {{ load_{fn} }} from './api.js'\n" + (f"import {{ render_{nxt.replace('-', '_')} }} from '../{nxt}/view.js'\n" if nxt else "")
                + f"\nexport function render_{fn}(items) {{\n  return items.map((x) => `<li class=\"{name}\">${{x.title}}</li>`).join('')\n}}\n\n"
                f"export function count_{fn}(items) {{\n  return items.filter((x) => x.visible).length\n}}\n\n"
                f"export async function mount_{fn}(el, id) {{\n  el.innerHTML = render_{fn}(await load_{fn}(id))\n}}\n")
        if i % 3 == 2:  # an unformatted file
            view = view.replace("  return items", "        return   items").replace("(x) =>", "x=>")
        files[f"src/features/{name}/api.js"] = api
        files[f"src/features/{name}/view.js"] = view
        files[f"src/features/{name}/{name}.css"] = (f".{name} {{ margin: 0px; color: #{'FFF' if i % 2 else 'abcdefg'}; }}\n"
                                                   f".{name}-title {{ font-weight: bold; font-weight: 600 }}\n"
                                                   + (f".{name}-empty {{ }}\n" if i % 3 == 0 else "")
                                                   + (f".{name} li {{ colr: red; }}\n" if i % 4 == 3 else ""))
        if i < len(FEATURES) - 3:
            main += f"import {{ mount_{fn} }} from './features/{name}/view.js'\nimport './features/{name}/{name}.css'\n"
    files["src/main.js"] = main + "import { track } from './analytics.js'\n"
    pkg = json.loads(files["package.json"])
    pkg["dependencies"] |= {"classnames": "^2.5.1", "uuid": "^9.0.0", "numeral": "^2.0.6"}
    del pkg["dependencies"]["numeral"]
    files["package.json"] = json.dumps(pkg, indent=2) + "\n"
    files["test/features.test.js"] = ("import { describe, it, expect } from 'vitest'\n"
                                      "import { render_search, count_search } from '../src/features/search/view.js'\n"
                                      "import { render_reviews, count_reviews } from '../src/features/reviews/view.js'\n\n"
                                      "describe('search view', () => {\n"
                                      "  it('renders one li per item', () => expect(render_search([{ title: 'a' }, { title: 'b' }]).match(/<li/g)).toHaveLength(2))\n"
                                      "  it('escapes titles', () => expect(render_search([{ title: '<b>' }])).toBe('<li class=\"search\">&lt;b&gt;</li>'))\n"
                                      "  it('counts visible', () => expect(count_search([{ visible: true }, { visible: false }])).toBe(1))\n"
                                      "})\n\ndescribe('reviews view', () => {\n"
                                      "  it('renders nothing for no items', () => expect(render_reviews([])).toBe(''))\n"
                                      "  it('counts all when visible is missing', () => expect(count_reviews([{}, {}])).toBe(2))\n"
                                      "})\n")
    return files


def cap_node(tmp: Path) -> None:
    root = tmp / "storefront"
    write_tree(root, grown_web())
    (root / "node_modules").symlink_to(JS / "node_modules")
    cap("prettier-check-web", "npx prettier --check .", root, n_prettier)
    cap("stylelint-standard", "npx stylelint 'src/**/*.css'", root, n_stylelint)
    cap("knip", "npx knip", root, n_knip)
    cap("depcheck", "npx depcheck", root, n_depcheck)
    cap("madge-circular", "npx madge --circular src", root, n_madge)
    cap("vite-build-error", "npx vite build", root, n_vite_failed)
    cap("vitest-verbose", "npx vitest run --reporter=verbose", root, n_vitest_verbose)
    cap("eslint-flat", "npx eslint src test", root, n_eslint_flat)


# ================================================================== infra

n_ansible_check = line_rule(
    "ansible-play-failed-task", "build",
    "Rules 1+3 on ansible-playbook (--check --diff or -v) with a failed task: every 'fatal:' line, every 'TASK [' header (the one above 'fatal:' names the failed task), every 'changed:' line, the PLAY RECAP host rows.",
    hit=r"^fatal: |^changed: |^TASK \[|ok=\d+ .*failed=")
n_ansible_graph = line_rule(
    "ansible-inventory-graph", "listing",
    "Rule 5 on ansible-inventory --graph --vars: every group node ('@name:') and every variable leaf ('{name = value}'), the values a question about the inventory asks for.",
    hit=r"@\w+:|\{\w+ = ")
n_req = line_rule(
    "openssl-req-text", "doc",
    "Rule 5 on openssl req -text: Subject, Public-Key size, every Requested Extension name line, the Signature Algorithm line.",
    hit=r"Subject:|Public-Key:|X509v3 |Signature Algorithm|DNS:")
n_yq_yaml = line_rule(
    "yq-yaml", "json",
    "Rule 5 on a yq -y projection of manifests: every 'name:' / 'image:' / 'kind:' line (which object, which image), and every limits/requests value line.",
    hit=r"^\s*-?\s*(name|image|kind|cpu|memory): ")
n_systemd_verify = line_rule(
    "systemd-analyze-verify", "lint",
    "Rule 1 on systemd-analyze verify: every diagnostic line (each names its unit file and line, or the unit and the problem).",
    hit=r"\S")


@kind("jq-tsv-column", "table")
def n_jq_tsv(lines):
    """Rule 4 on jq @tsv rows aligned by column -t (name status role logins last_login): rows with a rare status or role, the rows with the fewest and most logins."""
    return rule4(ws_rows(lines, ["name", "status", "role", "logins", "last"]), cat=("status", "role"), nums=("logins",))


INVENTORY = """[local]
localhost

[web]
web[01:12].eu.example.internal

[web:vars]
http_port=8080
max_clients=400

[api]
api[01:04].eu.example.internal
api[01:02].us.example.internal

[db]
db01.eu.example.internal db_role=primary
db02.eu.example.internal db_role=replica
db01.us.example.internal db_role=replica

[cache]
redis[01:03].us.example.internal

[workers]
worker[01:08].eu.example.internal

[lb]
lb01.eu.example.internal

[monitoring]
mon01.eu.example.internal

[staging]
stg-web01.example.internal
stg-db01.example.internal db_role=primary

[eu:children]
web
db
workers
lb

[us:children]
cache

[prod:children]
eu
us
api
monitoring

[prod:vars]
env=prod
ntp_server=ntp.example.internal
"""


def users_json(n: int = 220) -> list[dict]:
    rnd = random.Random(21)
    return [{"id": 1000 + i, "name": f"user{i:03d}", "email": f"user{i:03d}@example.org",
             "status": "suspended" if i in (17, 140) else "invited" if i % 19 == 0 else "active",
             "role": "admin" if i in (3, 99) else "member", "logins": rnd.randint(0, 400) if i != 55 else 9120,
             "teams": [f"t{k}" for k in range(i % 4)], "last_login": f"2025-0{1 + i % 9}-{1 + i % 27:02d}T0{i % 10}:15:00Z"}
            for i in range(n)]


def deploy_yaml() -> str:
    docs = []
    for i, svc in enumerate(["api", "worker", "scheduler", "web", "billing", "search", "mailer", "gateway"]):
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {svc}
  labels: {{app: {svc}, tier: {'backend' if i % 3 else 'frontend'}}}
spec:
  replicas: {1 + i % 3}
  selector: {{matchLabels: {{app: {svc}}}}}
  template:
    metadata: {{labels: {{app: {svc}}}}}
    spec:
      containers:
        - name: {svc}
          image: registry.example.org/shop/{svc}:{'1.4.2' if svc != 'billing' else 'latest'}
          ports: [{{containerPort: {8000 + i}}}]
          env: [{{name: LOG_LEVEL, value: info}}, {{name: REGION, value: eu-west-1}}]
          resources: {{requests: {{cpu: {100 * (1 + i % 3)}m, memory: {128 * (1 + i % 4)}Mi}}, limits: {{cpu: "{1 + i % 2}", memory: {256 * (1 + i % 4)}Mi}}}}
        - name: {svc}-sidecar
          image: registry.example.org/infra/envoy:1.29
          resources: {{requests: {{cpu: 50m, memory: 64Mi}}}}
""")
    return "---\n".join(docs)


PLAY = """- hosts: local
  connection: local
  gather_facts: false
  vars:
    app_root: "{root}/srv/app"
  tasks:
    - name: create app dirs
      file: {{path: "{{{{ app_root }}}}/{{{{ item }}}}", state: directory, mode: "0755"}}
      loop: [releases, shared, shared/log, shared/config]
    - name: write config
      copy: {{dest: "{{{{ app_root }}}}/shared/config/app.ini", content: "[app]\\nworkers = 4\\nport = 8080\\n"}}
    - name: render env file
      copy: {{dest: "{{{{ app_root }}}}/shared/.env", content: "LOG_LEVEL=info\\nREGION=eu-west-1\\n"}}
    - name: set max workers
      lineinfile: {{path: "{root}/srv/app/shared/config/app.ini", regexp: "^workers", line: "workers = 8"}}
    - name: check release manifest
      command: cat {{{{ app_root }}}}/releases/current/MANIFEST
      check_mode: false
    - name: never reached
      debug: {{msg: done}}
"""


def cap_infra(tmp: Path) -> None:
    root = tmp / "infra"
    write_tree(root, {"inventory.ini": INVENTORY,
                      "site.yml": PLAY.format(root=root), "users.json": json.dumps(users_json(), indent=1),
                      "deploy.yaml": deploy_yaml()})
    (root / "srv" / "app" / "shared" / "config").mkdir(parents=True)
    (root / "srv" / "app" / "shared" / "config" / "app.ini").write_text("[app]\nworkers = 2\nport = 8080\n")
    env = {"ANSIBLE_NOCOLOR": "1", "ANSIBLE_LOCALHOST_WARNING": "0", "HOME": str(tmp), "ANSIBLE_PYTHON_INTERPRETER": str(BIN / "python")}
    cap("ansible-check-diff", f"{BIN}/ansible-playbook -i inventory.ini --check --diff site.yml", root, n_ansible_check, env=env,
        typed="ansible-playbook -i inventory.ini --check --diff site.yml")
    cap("ansible-play-v", f"{BIN}/ansible-playbook -i inventory.ini -v site.yml", root, n_ansible_check, env=env,
        typed="ansible-playbook -i inventory.ini -v site.yml")
    cap("ansible-inventory-graph", f"{BIN}/ansible-inventory -i inventory.ini --graph --vars", root, n_ansible_graph, env=env,
        typed="ansible-inventory -i inventory.ini --graph --vars")
    sans = ",".join(f"DNS:{h}.shop.example.org" for h in ("api", "www", "admin", "cdn", "static", "auth", "billing", "search"))
    run("openssl req -new -newkey rsa:3072 -nodes -keyout k.pem -out req.csr -subj '/C=FR/ST=Rhone/L=Lyon/O=Example Shop/OU=Platform/CN=shop.example.org' "
        f"-addext 'subjectAltName={sans}' -addext 'keyUsage=digitalSignature,keyEncipherment' -addext 'extendedKeyUsage=serverAuth,clientAuth'", cwd=root)
    cap("openssl-req-text", "openssl req -in req.csr -text -noout", root, n_req)
    run("openssl x509 -req -in req.csr -signkey k.pem -days 90 -copy_extensions copy -out cert.pem", cwd=root)
    cap("openssl-x509-sans", "openssl x509 -in cert.pem -text -noout", root, n_x509)

    def n_jq_filter(lines):
        text = "\n".join(lines)
        return json_records_needles(text, json.loads(text), "name", True, cat=("status", "role"), nums=("logins",))
    n_jq_filter.__doc__ = "Rule 4 on the records a jq filter printed: each record with a rare status or role value, the records holding the fewest and most logins."
    n_jq_filter = named("jq-filter-records", "json", n_jq_filter.__doc__, n_jq_filter)
    cap("jq-filter-records", "jq '[.[] | select(.logins > 200 or .status != \"active\") | {name, status, role, logins, last_login}]' users.json",
        root, n_jq_filter)
    cap("jq-tsv-column", "jq -r '.[] | [.name, .status, .role, .logins, .last_login] | @tsv' users.json | column -t", root, n_jq_tsv)
    cap("yq-yaml", "yq -y '{name: .metadata.name, containers: [.spec.template.spec.containers[] | {name, image, resources}]}' deploy.yaml",
        root, n_yq_yaml)
    units = root / "units"
    write_tree(units, {
        "shop-api.service": "[Unit]\nDescription=Shop API\nAfter=network-online.target postgresql.service\nWants=network-online.target\n\n[Service]\nType=notify\nUser=shop\nExecStart=/opt/shop/bin/api --port 8000\nExecReload=kill -HUP $MAINPID\nRestart=on-failur\nRestartSec=5s\nMemoryMax=512M\nEnvironmentFile=-/etc/shop/api.env\nTimeoutStartSec=forever\n\n[Install]\nWantedBy=multi-user.target\n",
        "shop-worker.service": "[Unit]\nDescription=Shop worker\nRequires=shop-api.service redis.service\n\n[Service]\nExecStart=opt/shop/bin/worker\nNice=25\nCPUQuota=150\nStandardOutput=journal+console\n\n[Install]\nWantedBy=multi-user.target\n",
        "shop-backup.timer": "[Unit]\nDescription=Nightly backup\n\n[Timer]\nOnCalendar=*-*-* 25:00:00\nPersistent=yes\nUnit=shop-backup.service\n\n[Install]\nWantedBy=timers.target\n",
        "shop-cleanup.service": "[Unit]\nDescription=Cleanup\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/find /var/tmp/shop -mtime +7 -delete\nPrivateTmp=maybe\nProtectSystem=strict\nReadWritePaths=/var/tmp/shop\n",
    })
    cap("systemd-analyze-verify", "systemd-analyze verify --man=no units/*.service units/*.timer", root, n_systemd_verify)


STEPS = [cap_pydev, cap_node, cap_infra]
