"""Round 112, JavaScript: a real npm package new to the corpus (negotiator, the HTTP Accept, Accept-Charset,
Accept-Encoding and Accept-Language negotiation behind Express's req.accepts) copied into a project (`edgeroute`, an
edge gateway that picks each response's representation) with a few bugs put in, under generated vitest and node --test
suites whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit --checkJs over
them; npm view --json of a package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide112.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide112 import JS, cap

NM = JS / "node_modules"
PKG = NM / "negotiator"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once. Media types of equal quality
# and specificity ranked in reverse header order; a language refused with q=0 still offered.
BUGS = [("mediaType.js", "return (b.q - a.q) || (b.s - a.s) || (a.o - b.o) || (a.i - b.i) || 0;",
         "return (b.q - a.q) || (b.s - a.s) || (b.o - a.o) || (a.i - b.i) || 0;"),
        ("language.js", "return spec.q > 0;", "return spec.q >= 0;")]

TYPES = ["text/html", "application/json", "application/xml", "text/plain", "image/webp", "image/png", "text/*",
         "application/*", "*/*", "text/csv", "application/ld+json", "text/html;level=1"]
LANGS = ["en", "en-US", "en-GB", "fr", "fr-CA", "de", "es", "pt-BR", "ja", "zh-Hant", "*"]
QS = ["", "", "", ";q=0.9", ";q=0.8", ";q=0.5", ";q=0.1", ";q=0"]


def header(rnd: random.Random, pool: list[str]) -> str:
    return ", ".join(rnd.choice(pool) + rnd.choice(QS) for _ in range(rnd.randint(1, 5)))


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(170):
        kind = "accept" if i % 2 == 0 else "accept-language"
        pool = TYPES if kind == "accept" else LANGS
        offered = rnd.sample([p for p in pool if "*" not in p], rnd.randint(2, 5)) if i % 4 else None
        cases.append([f"{kind} {i:03}", kind, header(rnd, pool), offered])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import Negotiator from "negotiator";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const pick = (kind, h, offered) => {
  const n = new Negotiator({ headers: { [kind]: h } });
  const o = offered === null ? undefined : offered;
  return kind === "accept" ? n.mediaTypes(o) : n.languages(o);
};
const out = spec.cases.map(([name, kind, h, offered]) => [name, kind, h, offered, pick(kind, h, offered)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Negotiator from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
const pick = (kind, h, offered) => {
  const n = new Negotiator({ headers: { [kind]: h } });
  const o = offered === null ? undefined : offered;
  return kind === "accept" ? n.mediaTypes(o) : n.languages(o);
};

describe("media types", () => {
  test.each(fx.filter((c) => c[1] === "accept"))("%s", (name, kind, h, offered, want) => {
    expect(pick(kind, h, offered)).toEqual(want);
  });
});

describe("languages", () => {
  test.each(fx.filter((c) => c[1] === "accept-language"))("%s", (name, kind, h, offered, want) => {
    expect(pick(kind, h, offered)).toEqual(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Negotiator from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("edge route negotiation (vendored negotiator)", () => {
  for (const [name, kind, h, offered, want] of fx) {
    it(`negotiates ${name}`, () => {
      const n = new Negotiator({ headers: { [kind]: h } });
      const o = offered === null ? undefined : offered;
      assert.deepEqual(kind === "accept" ? n.mediaTypes(o) : n.languages(o), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", console: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "no-continue": "warn", "camelcase": "warn",
                "complexity": ["warn", 8], "max-depth": ["warn", 3], "vars-on-top": "warn", "no-undefined": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import Negotiator from "../lib/index.js";

const renderers = { "text/html": "html", "application/json": "json", "text/html": "page" };
export function choose(req, offered) {
  const n = new Negotiator(req);
  const type = n.mediaType(offered);
  if (type == undefined) return { status: 406 };
  const lang = n.language(["en", "fr", "de"]);
  return { status: 200, type, lang, view: renderers[type].toUpperCase() };
}
export function vary(req) {
  const unused = req.url;
  let fields = 0;
  for (const h of ["accept", "accept-language"]) if (req.headers[h]) fields += h;
  return fields.toFixed("1");
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "edgeroute"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "edgeroute", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(11210)), "fixtures.mjs": FIXTURES_JS,
                      "test/negotiate.test.js": VITEST_SUITE, "spec/negotiate.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.js && cp {PKG}/lib/*.js lib/ && sed -i \"s#'./lib/#'./#\" lib/index.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-edgeroute-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-languages-filter-tail-400", "npx vitest run -t languages 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "edgeroute"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js lib/mediaType.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-negotiator-json", "npm view negotiator --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
