"""Round 143, JavaScript: a real npm package new to the corpus (url-parse, a small URL parser for node and browsers)
copied into a project (`webhook-relay`, a relay checking and rewriting its targets' URLs) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide143.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide143 import JS, cap

NM = JS / "node_modules"
PKG = NM / "url-parse"

# The bugs put in: (file, text, replacement); each text occurs exactly once. The userinfo is split at the first '@'
# instead of the last (a password holding '@' leaks into the host); the password keeps the ':' that ends the user
# name; a relative path ending in '.' no longer gets its trailing '/' when resolved against a base.
BUGS = [("index.js", "? address.lastIndexOf(parse)", "? address.indexOf(parse)"),
        ("index.js", "url.password = url.auth.slice(index + 1);", "url.password = url.auth.slice(index);"),
        ("index.js", "if (last === '.' || last === '..') path.push('');", "if (last === '..') path.push('');")]

SCHEMES = ["http", "https", "ws", "wss", "ftp", "HTTP", "Https", "git+ssh", "file", "mailto"]
HOSTS = ["example.com", "api.Example.org", "127.0.0.1", "[::1]", "hooks.internal", "cdn-7.example.net", "xn--bcher-kva.ch"]
PORTS = ["", "", ":80", ":443", ":8080", ":21", ":3000", ":"]
USERS = ["", "", "", "bot@", "bot:s3cret@", "ops:p@ss@", "a%40b:c@", ":tok@", "user:pa%3Ass@"]
SEGS = ["hooks", "v1", "..", ".", "relay", "a b", "%7Euser", "index.html", "deep", "x..y"]
RELS = ["./", ".", "..", "../", "a/.", "a/..", "b/./c/.", "../../up", "./x/..", "q?x=1", "#frag", "c/d", "./."]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(270):
        r = i % 3
        path = "/" + "/".join(rnd.choice(SEGS) for _ in range(rnd.randint(0, 4)))
        if rnd.random() < 0.3:
            path = path.rstrip("/") + "/" + rnd.choice([".", "..", ""])
        query = rnd.choice(["", "", "?a=1&b=2", "?q=%20x", "?", "?x=a@b"])
        frag = rnd.choice(["", "", "#top", "#a@b"])
        url = f"{rnd.choice(SCHEMES)}://{rnd.choice(USERS)}{rnd.choice(HOSTS)}{rnd.choice(PORTS)}{path}{query}{frag}"
        if r == 0:
            cases.append([f"parse {i:03}", "parse", url])
        elif r == 1:
            base = f"https://{rnd.choice(HOSTS)}{path}"
            cases.append([f"resolve {i:03}", "resolve", [rnd.choice(RELS), base]])
        else:
            cases.append([f"set {i:03}", "set", [url, rnd.choice(["port", "password", "pathname", "hash"]),
                                                 rnd.choice(["8443", "n3w@pw", "up/./x", "frag", "80"])]])
    return {"cases": cases}


RUNNER = """
const shape = (u) => ({ href: u.href, protocol: u.protocol, host: u.host, port: u.port, pathname: u.pathname,
  username: u.username, password: u.password, query: u.query, hash: u.hash, origin: u.origin });
const run = (op, arg) => {
  try {
    if (op === "parse") return shape(new Url(arg, {}));
    if (op === "resolve") return shape(new Url(arg[0], arg[1]));
    const u = new Url(arg[0], {});
    u.set(arg[1], arg[2]);
    return shape(u);
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import Url from "url-parse";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Url from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["parse", "resolve", "set"]) {
  describe(`Url ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %j", (name, op2, arg, want) => {
      expect(run(op2, arg)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Url from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("relay targets (vendored url-parse)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, arg), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", console: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 90],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "no-continue": "warn", "camelcase": "warn",
                "complexity": ["warn", 5], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import Url from "../lib/index.js";

const blocked = { "127.0.0.1": true, "localhost": true, "127.0.0.1": "loopback" };
export function target(hook) {
  const u = new Url(hook.url, {});
  if (u.protocol != "https:" && u.protocol != "http:") return { ok: false, reason: "scheme " + u.protocol };
  if (blocked[u.hostname]) return { ok: false, reason: "blocked host " + u.hostname };
  var port = u.port == "" ? (u.protocol === "https:" ? 443 : 80) : parseInt(u.port);
  return { ok: true, origin: u.origin, port: port, retries: hook.retries.toFixed() };
}
export function rewrite(hook, base) {
  const unused = hook.secret;
  for (var key in hook) if (key === "path" && hook[key]) return new Url(hook[key], base).href;
  return hook.url.length > 0 ? new Url(hook.url, base).toString() : base.trim();
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "webhook-relay"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "webhook-relay", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(14310)), "fixtures.mjs": FIXTURES_JS,
                      "test/url.test.js": VITEST_SUITE, "spec/url.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-webhook-relay-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-resolve-filter-tail-400", "npx vitest run -t resolve 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "webhook-relay"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-url-parse-json", "npm view url-parse --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
