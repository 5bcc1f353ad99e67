"""Round 13, npm tools the corpus never met: test runners (jasmine, uvu, node-tap), an OpenAPI linter (spectral),
ajv, the Solidity compiler (solcjs), style compilers (sass, less), linters (standard, jshint), commitlint and parcel
(a failed build, a detailed bundle report), each on files written here with real mistakes in them. Run through
capture_wide13.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from capture_more import add_or_skip as add, have, kind, run, write_tree
from capture_wide10 import line_rule
from capture_wide13 import JS, diag_rule

# ================================================================== test runners

n_jasmine = line_rule(
    "jasmine", "test",
    "Rule 2 on jasmine: every numbered failure header ('1) Cart total applies the discount'), the first 'Expected …' / error message line below it, and the 'N specs, M failures' summary.",
    hit=r"^\d+\) ", loc=r"^\s+(Expected|\w*Error|Error:|Failed)", ahead=3, summary=r"\d+ specs?, \d+ failures?")
n_uvu = line_rule(
    "uvu", "test",
    "Rule 2 on uvu: every 'FAIL  \"test name\"' line, the first assertion message line below it ('Expected values to be …'), and the 'Total/Passed/Skipped' summary lines.",
    hit=r"FAIL\s+(\S+\s+)?\"|^\s+(Total|Passed|Skipped):", loc=r"Expected|Error|expected", ahead=3)

JS_PROJECT = {
    "package.json": '{"name":"cart","version":"1.0.0","type":"commonjs"}\n',
    "spec/support/jasmine.json": '{"spec_dir": "spec", "spec_files": ["**/*[sS]pec.js"], "random": false}\n',
    "src/cart.js": """class Cart {
  constructor() { this.lines = []; }
  add(sku, price, qty = 1) {
    if (qty < 0) throw new RangeError(`qty must be >= 0, got ${qty}`);
    this.lines.push({ sku, price, qty });
    return this;
  }
  total() { return this.lines.reduce((t, l) => t + l.price * l.qty, 0); }
  count() { return this.lines.length; }
  discount(code) {
    const rates = { TEN: 0.1, HALF: 0.5 };
    return Math.round(this.total() * rates[code]);
  }
  toJSON() { return { items: this.count(), total: this.total().toFixed(2) }; }
}
module.exports = { Cart };
""",
    "spec/cart.spec.js": """const { Cart } = require('../src/cart');

describe('Cart', () => {
  let cart;
  beforeEach(() => { cart = new Cart(); });

  it('starts empty', () => { expect(cart.count()).toBe(0); });
  it('sums lines', () => { expect(cart.add('a', 2, 3).add('b', 1).total()).toBe(7); });
  it('counts distinct skus', () => { expect(cart.add('a', 1).add('a', 1).count()).toBe(1); });
  it('rejects negative qty', () => { expect(() => cart.add('a', 1, -1)).toThrowError(RangeError); });
  it('applies TEN', () => { expect(cart.add('a', 100).discount('TEN')).toBe(10); });
  it('unknown code gives 0', () => { expect(cart.add('a', 100).discount('BOGUS')).toBe(0); });
  it('serialises', () => { expect(cart.add('a', 1.5, 2).toJSON()).toEqual({ items: 1, total: 3 }); });
  describe('async', () => {
    it('loads prices', async () => {
      const prices = await Promise.resolve({ a: 1 });
      expect(prices.b.value).toBe(2);
    });
  });
});
""",
    "tests/cart.test.js": """const { test } = require('uvu');
const assert = require('uvu/assert');
const { Cart } = require('../src/cart');

test('sums lines', () => { assert.is(new Cart().add('a', 2, 3).total(), 6); });
test('counts distinct skus', () => { assert.is(new Cart().add('a', 1).add('a', 1).count(), 1); });
test('serialises', () => { assert.equal(new Cart().add('a', 1.5, 2).toJSON(), { items: 1, total: 3 }); });
test('unknown code', () => { assert.is(new Cart().add('a', 100).discount('BOGUS'), 0); });
test('throws on negative', () => { assert.throws(() => new Cart().add('a', 1, -1), /negative/); });
test.run();
""",
}


def cap_runners(tmp: Path) -> None:
    d = tmp / "jsproj"
    write_tree(d, JS_PROJECT)
    env = {"NODE_PATH": str(JS / "node_modules")}
    (d / "node_modules").symlink_to(JS / "node_modules")  # the tools' own modules, as the project's installed deps
    if have("jasmine", "jasmine"):
        add("jasmine-failures", "npx jasmine 2>&1", run("jasmine 2>&1", cwd=d, timeout=200, env=env), n_jasmine)
    if have("uvu", "uvu"):
        add("uvu-failures", "npx uvu tests 2>&1", run("uvu tests 2>&1", cwd=d, timeout=200, env=env), n_uvu)
    if (JS / "node_modules" / "tap").exists():
        write_tree(d, TAP_TESTS)
        cmd = 'for f in test/*.test.js; do node "$f"; done 2>&1'
        add("node-tap-failures", cmd, run(cmd, cwd=d, timeout=300, env=env), n_node_tap)




@kind("node-tap", "test")
def n_node_tap(lines):
    """Rule 2 on node-tap's TAP 14 (test files run with node): every 'not ok N - name' line, the first detail line of each failure before the next test line (a diff's '-expected'/'+actual' line, 'found:'/'wanted:' or 'message:'), and every '# { total: …, fail: N }' count line."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*not ok \d+", ln):
            out.append(ln)
            for x in lines[i + 1:]:
                if re.match(r"^\s*(not )?ok \d+", x):
                    break
                if re.match(r"^\s+([-+](?![-+])\S|(found|wanted|message|error):)", x):
                    out.append(x)
                    break
        elif ln.startswith("# { total:"):
            out.append(ln)
    return out


TAP_TESTS = {
    "test/cart.test.js": """const t = require('tap');
const { Cart } = require('../src/cart');

t.test('totals', async t => {
  t.equal(new Cart().add('a', 2, 3).total(), 6);
  t.equal(new Cart().add('a', 0.1, 3).total(), 0.3, 'floating point total');
});
t.test('count', async t => {
  t.equal(new Cart().add('a', 1).add('a', 1).count(), 1, 'distinct skus');
});
t.test('json', async t => {
  t.same(new Cart().add('a', 1.5, 2).toJSON(), { items: 1, total: 3 });
});
t.test('discount', async t => {
  t.equal(new Cart().add('a', 100).discount('HALF'), 50);
  t.equal(new Cart().add('a', 100).discount('NONE'), 0);
});
""",
    "test/errors.test.js": """const t = require('tap');
const { Cart } = require('../src/cart');

t.test('negative qty throws', async t => {
  t.throws(() => new Cart().add('a', 1, -1), RangeError);
  t.throws(() => new Cart().add('a', -1, 1), RangeError, 'negative price');
});
t.test('async load', async t => {
  const prices = await Promise.resolve({});
  t.ok(prices.a.value > 0);
});
""",
}

# ================================================================== API and schema linters

n_spectral = diag_rule(
    "spectral", "lint",
    "Rules 1+3 on spectral lint (stylish): every 'L:C  error  rule  message  path' line; warnings/infos/hints one needle per rule; the '✖ N problems (E errors, W warnings …)' summary.",
    hit=r"^\s*\d+:\d+\s+error\s", summary=r"✖ \d+ problems?|No results with a severity",
    warn=r"^\s*\d+:\d+\s+(warning|information|hint)\s+([\w-]+)", key=lambda m: (m.group(2),))
n_ajv = line_rule(
    "ajv-validate", "lint",
    "Rule 1 on ajv validate: the 'file invalid' / 'file valid' lines and every error object's instancePath and message lines.",
    hit=r"\binvalid$|\bvalid$|instancePath|message")

OPENAPI = """openapi: 3.0.3
info:
  title: Shop API
  version: 1.0.0
servers:
  - url: http://localhost:8080
paths:
  /orders:
    get:
      summary: list orders
      parameters:
        - name: page
          in: query
          schema: {type: integer}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Order'}
    post:
      operationId: createOrder
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/NewOrder'}
      responses:
        '201': {description: created}
  /orders/{id}:
    get:
      operationId: getOrder
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Ordr'}
    delete:
      operationId: getOrder
      parameters:
        - name: id
          in: path
          schema: {type: string}
      responses: {}
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string}
        total: {type: number, example: "12"}
    Unused:
      type: object
"""

AJV_SCHEMA = {"type": "object", "required": ["name", "port", "replicas"], "additionalProperties": False,
              "properties": {"name": {"type": "string", "minLength": 2}, "port": {"type": "integer", "maximum": 65535},
                             "replicas": {"type": "integer", "minimum": 1},
                             "env": {"type": "object", "additionalProperties": {"type": "string"}}}}
AJV_DATA = {"name": "a", "port": 80800, "env": {"DEBUG": True, "LEVEL": "info"}, "replica": 2}


def cap_api_lint(tmp: Path) -> None:
    d = tmp / "apilint"
    write_tree(d, {"openapi.yaml": OPENAPI, ".spectral.yaml": 'extends: ["spectral:oas"]\n',
                   "schema.json": json.dumps(AJV_SCHEMA, indent=2), "service.json": json.dumps(AJV_DATA, indent=2)})
    if have("spectral", "spectral"):
        add("spectral-lint-openapi", "npx spectral lint openapi.yaml 2>&1", run("spectral lint openapi.yaml 2>&1", cwd=d, timeout=200), n_spectral)
    if have("ajv", "ajv"):
        cmd = "npx ajv validate -s schema.json -d service.json --all-errors --errors=json 2>&1"
        add("ajv-validate-json-errors", cmd, run(cmd.replace("npx ", ""), cwd=d, timeout=120), n_ajv)


# ================================================================== compilers: Solidity, Sass, Less, Pug

n_solc = line_rule(
    "solcjs", "build",
    "Rule 1 on solcjs: every 'XError: …' / 'Warning: …' line with the '--> file.sol:L:C:' location line below it.",
    hit=r"^\w*(Error|Warning)\b.*:", loc=r"-->\s+\S+\.sol:\d+", ahead=3)
n_sass = diag_rule(
    "sass", "build",
    "Rule 1 on sass (dart-sass): every 'Error: …' line and the '  file.scss L:C  root stylesheet' location line below it; 'DEPRECATION WARNING [code]' / 'WARNING:' lines one needle per code.",
    hit=r"^Error\b", loc=r"^\s+\S+\.s[ac]ss \d+:\d+", ahead=12,
    warn=r"^(DEPRECATION WARNING|Deprecation Warning|WARNING)( \[([\w-]+)\])?", key=lambda m: (m.group(3),))
n_lessc = line_rule(
    "lessc", "build",
    "Rule 1 on lessc: the 'XError: … in file.less on line L, column C:' line of each file (after its '== file' header).",
    hit=r"Error: .* on line \d+|^\w*Error\b|^== ")

SOL = {
    "contracts/Vault.sol": """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract Vault {
    mapping(address => uint256) public balances;
    address owner;
    uint256 totalDeposits;

    event Deposited(address indexed who, uint256 amount);

    constructor() { owner = msg.sender; }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
        totalDeposits += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount, "insufficient");
        (bool ok, ) = msg.sender.call{value: amount}("");
        balances[msg.sender] -= amount;
    }
}
""",
    "contracts/Token.sol": """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract Token {
    mapping(address => uint256) balanceOf;
    uint8 public decimals = 18;

    function transfer(address to, uint amount) public returns (bool) {
        uint256 unused = 1;
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        return "ok";
    }

    function mint(address to, uint256 amount) public {
        balanceOf[to] += amount;
        decimals = amount;
    }

    function burn(uint256 amount) public view {
        balanceOf[msg.sender] -= amount;
    }
}
""",
}

SOL["contracts/Auction.sol"] = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract Auction {
    address payable public seller;
    uint public highestBid;
    address public highestBidder;
    mapping(address => uint) pending;
    bool ended;

    constructor(address payable _seller) { seller = _seller; }

    function bid() external payable {
        require(msg.value > highestBid, "bid too low");
        pending[highestBidder] += highestBid;
        highestBid = msg.value;
        highestBidder = msg.sender;
    }

    function withdraw() external returns (bool) {
        uint amount = pending[msg.sender];
        pending[msg.sender] = 0;
        payable(msg.sender).transfer(amount);
        return amount;
    }

    function end() external {
        require(!ended);
        ended = 1;
        seller.transfer(highestBid);
    }
}
"""

STYLES = {
    "styles/_vars.scss": "$primary: #3366ff;\n$gap: 8px;\n",
    "styles/main.scss": """@import 'vars';
.btn {
  color: $primary;
  padding: $gap * 2 $gap;
  &:hover { color: darken($primary, 10%); }
  .icon { margin-left: $gap / 2; }
}
.card {
  border: 1px solid lighten($primry, 20%);
}
""",
    "styles/theme.less": "@import 'vars-missing';\n.page { color: @text; }\n",
    "styles/grid.less": ".col(@n) { width: (100% / @n); }\n.row { .col(3); display: flex;\n.cell { .col(); }\n",
    "styles/main.less": """@primary: #3366ff;
@gap: 8px;
.btn {
  color: @primary;
  padding: (@gap * 2) @gap;
  .rounded(4px);
}
.card { border: 1px solid lighten(@primry, 20%); }
""",
}


def cap_compilers(tmp: Path) -> None:
    d = tmp / "compilers"
    write_tree(d, SOL | STYLES)
    if have("solcjs", "solcjs"):
        cmd = "npx solcjs --bin -o build contracts/*.sol 2>&1"
        add("solcjs-errors", cmd, run(cmd.replace("npx ", ""), cwd=d, timeout=300), n_solc)
    if have("sass", "sass"):
        add("sass-undefined-variable", "npx sass styles/main.scss dist/main.css 2>&1",
            run("sass styles/main.scss dist/main.css 2>&1", cwd=d, timeout=120), n_sass)
    if have("lessc", "lessc"):
        cmd = 'for f in styles/*.less; do echo "== $f"; npx lessc --no-color "$f" > /dev/null; done 2>&1'
        add("lessc-errors", cmd, run(cmd.replace("npx ", ""), cwd=d, timeout=120), n_lessc)


# ================================================================== linters: standard, jshint, commitlint

n_standard = diag_rule(
    "standard", "lint",
    "Rule 1 on standard (no levels): one needle per (rule, file) over its '  file:L:C: message (rule)' lines; parsing errors each.",
    hit=r"Parsing error",
    warn=r"^\s*(\S+\.js):\d+:\d+: .*\(([\w/@-]+)\)\s*$", key=lambda m: (m.group(2), m.group(1)))
n_jshint = diag_rule(
    "jshint", "lint",
    "Rules 1+3 on jshint: E-coded lines each; W-coded lines one needle per (code, file); the 'N errors' summary.",
    hit=r"\(E\d{3}\)", summary=r"^\d+ errors?$",
    warn=r"^(\S+\.js): line \d+, col \d+, .*\((W\d{3}|I\d{3})\)$", key=lambda m: (m.group(2), m.group(1)))
n_commitlint = line_rule(
    "commitlint", "lint",
    "Rules 1+3 on commitlint: every '⧗ input:' line, every '✖ …' problem line and '⚠ …' warning line, and the '✖ found N problems, M warnings' summary.",
    hit=r"⧗\s+input:|✖ |⚠ ", summary=r"found \d+ problems?")

LINT_JS = {f"lib/util{i}.js": f"""var fs = require('fs')
const path = require("path");

function load{i} (file, cb) {{
  fs.readFile(file, 'utf8', function (err, data) {{
    if (err) cb(err)
    var parsed = JSON.parse(data)
    cb(null, parsed);
  }})
}}

function unused{i} () {{ return path.join('a', 'b') }}

module.exports = {{ load{i}: load{i} }}
if (x == null) {{ console.log('x') }}
""" for i in range(5)} | {"lib/broken.js": "function f( {\n  return 1\n}\n"}


def cap_linters(tmp: Path) -> None:
    d = tmp / "jslint"
    write_tree(d, LINT_JS)
    (d / "package.json").write_text('{"name":"lint13","version":"1.0.0"}\n')
    if have("standard", "standard"):
        add("standard-lib", "npx standard lib/ 2>&1", run("standard lib/ 2>&1", cwd=d, timeout=200), n_standard)
    if have("jshint", "jshint"):
        add("jshint-lib", "npx jshint lib/ 2>&1", run("jshint --verbose lib/ 2>&1", cwd=d, timeout=120), n_jshint)
    if have("commitlint", "commitlint"):
        (d / "commitlint.config.js").write_text("module.exports = { extends: ['@commitlint/config-conventional'] };\n")
        msgs = ["Fixed the bug in cart totals.", "feat(cart) add discount codes", "FEAT: Add Thing", "chore: bump deps"]
        cmd = " ; ".join(f"echo '{m}' | npx commitlint" for m in msgs) + " 2>&1"
        env = {"NODE_PATH": str(JS / "node_modules")}
        add("commitlint-messages", cmd, run(cmd.replace("npx commitlint", "commitlint"), cwd=d, timeout=200, env=env), n_commitlint)


# ================================================================== parcel

n_parcel_error = line_rule(
    "parcel-build-error", "build",
    "Rule 1 on a failed parcel build: the '🚨 Build failed.' line, every '@parcel/x: message' line and the 'file:L:C' location line below it.",
    hit=r"Build failed|^@parcel/[\w-]+: ", loc=r"^\s+\S+:\d+:\d+$", ahead=2)
n_parcel_report = line_rule(
    "parcel-detailed-report", "build",
    "Rule 5 on parcel build --detailed-report: the '✨ Built in' line, every bundle line ('dist/file  size  time') and the first (largest) asset line under each bundle.",
    hit=r"Built in|^dist/\S+\s+[\d.]+ k?B", loc=r"^[├└]── ", ahead=1)

PARCEL = {
    "package.json": '{"name": "shopfront", "version": "1.0.0", "source": "src/index.html", "browserslist": "> 0.5%"}\n',
    "src/index.html": '<!doctype html><html><head><link rel="stylesheet" href="./style.css"></head>'
                      '<body><div id="app"></div><script type="module" src="./main.js"></script></body></html>\n',
    "src/style.css": "body { color: #222; } .grid { display: grid; gap: 8px; }\n",
    "src/view.js": "export function render(el, s) { el.textContent = s; }\n",
    "src/lazy.js": 'export function hello() { console.log("lazy loaded"); }\n',
    "src/main.js": """import { render } from './view.js';
import yaml from 'js-yaml';
import semver from 'semver';
import { format } from './format.js';
const cfg = yaml.load('name: demo\\nversion: 1.2.3\\n');
render(document.getElementById('app'), format(`${cfg.name} ${semver.inc(cfg.version, 'minor')}`));
import('./lazy.js').then(m => m.hello());
""",
}


def cap_parcel(tmp: Path) -> None:
    if not have("parcel", "parcel"):
        return
    d = tmp / "parcel"
    write_tree(d, PARCEL)
    (d / "node_modules").symlink_to(JS / "node_modules")  # the tools' modules as the project's installed deps
    cmd = "npx parcel build --no-cache 2>&1"
    add("parcel-build-unresolved", cmd, run(cmd.replace("npx ", ""), cwd=d, timeout=300), n_parcel_error)
    (d / "src" / "format.js").write_text("export const format = (s) => `[${s}]`;\n")
    cmd = "npx parcel build --no-cache --detailed-report 2>&1"
    add("parcel-detailed-report", cmd, run(cmd.replace("npx ", ""), cwd=d, timeout=300), n_parcel_report)


STEPS = [cap_runners, cap_api_lint, cap_compilers, cap_linters, cap_parcel]
