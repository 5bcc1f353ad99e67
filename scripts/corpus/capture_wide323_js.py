"""Round 323, JavaScript / TypeScript: a real npm package new to the issue's rounds (negotiator 1.1.0: HTTP content
negotiation, choosing a reply's media type, language, charset and encoding from the Accept, Accept-Language,
Accept-Charset and Accept-Encoding headers; CommonJS over content-type) copied into a small app (`gloryport`, a glass
studio's web shop choosing how it answers) with a few bugs put in; generated vitest and node --test suites over the copy
whose expectations come from the unbroken package (seed 32310); eslint over the copy and the app; tsc --noEmit with
checkJs over the shipped JavaScript and an app that uses it wrongly; npm view --json of the package. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config (with
`require` among the CommonJS globals) and the tsconfig are round 313's (capture_wide313_js), imported. Run through
capture_wide323.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide323 import JS, cap

NM = JS / "node_modules"
PKG = NM / "negotiator"

# The bugs put in the copy (lib/negotiator.cjs over lib/negotiator/*.cjs, the package's index.js and lib/*.js):
# (file, text, replacement); each text occurs exactly once in its file. Charsets are matched case-sensitively; a
# language's prefix matches another region's tag (en-GB taken for en-US); media types refused with q=0 are kept; the
# `preferred` encodings of the options go last, not first, among equal qualities.
BUGS = [("negotiator/charset.cjs", "if(spec.charset.toLowerCase() === charset.toLowerCase()){",
         "if(spec.charset === charset){"),
        ("negotiator/language.cjs", "} else if (spec.prefix.toLowerCase() === p.full.toLowerCase()) {",
         "} else if (spec.prefix.toLowerCase() === p.prefix.toLowerCase()) {"),
        ("negotiator/mediaType.cjs", "  return spec.q > 0;", "  return spec.q >= 0;"),
        ("negotiator/encoding.cjs", "return aPreferred === -1 ? 1 : -1 // preferred first",
         "return aPreferred === -1 ? -1 : 1 // preferred first")]

OPS = ["charset", "charsets", "encoding", "encodings", "preferred", "language", "languages", "mediaType", "mediaTypes",
       "listed"]
ACC_CHARSET = ["utf-8", "UTF-8;q=0.9", "iso-8859-1;q=0.5", "*;q=0.1", "windows-1252", "ISO-8859-1", "utf-16;q=0",
               "US-ASCII;q=0.2", "Windows-1252;q=0.7"]
CHARSETS = ["UTF-8", "utf-8", "ISO-8859-1", "iso-8859-1", "windows-1252", "utf-16", "US-ASCII"]
ACC_ENC = ["gzip", "deflate;q=0.8", "br;q=1.0", "identity;q=0.5", "*;q=0.2", "zstd", "gzip;q=0", "compress;q=0.1",
           "br", "deflate"]
ENCODINGS = ["gzip", "br", "deflate", "identity", "zstd"]
PREFERRED = [["br", "gzip"], ["zstd", "deflate"], ["identity"], ["gzip", "br", "zstd"]]
ACC_LANG = ["en-GB", "en-US;q=0.8", "en;q=0.7", "fr-CA;q=0.5", "it", "it-IT;q=0.9", "de;q=0.3", "*;q=0.1",
            "es-419;q=0.6", "en-gb;q=0.4", "fr", "de-AT;q=0.2"]
LANGS = ["en", "en-US", "en-GB", "it", "it-IT", "fr", "fr-FR", "de-DE", "es"]
ACC_MEDIA = ["text/html", "application/json;q=0.9", "text/*;q=0.5", "*/*;q=0.1", "image/webp", "application/xml;q=0",
             "text/plain;charset=utf-8", "application/vnd.glory+json;version=2;q=0.8", "TEXT/HTML;q=0.7",
             "image/*;q=0.3", "text/csv;q=0", "image/png;q=0"]
MEDIA = ["text/html", "application/json", "text/plain", "image/webp", "application/xml", "image/png",
         "application/vnd.glory+json;version=2", "text/csv"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []

    def header(pool: list) -> str | None:
        if rnd.random() < 0.06:
            return None
        return rnd.choice([", ", ","]).join(rnd.sample(pool, rnd.randint(1, 5)))

    def avail(pool: list) -> list:
        return rnd.sample(pool, rnd.randint(2, min(6, len(pool))))

    for i in range(300):
        op = OPS[i % len(OPS)]
        if op.startswith("charset"):
            args = [{"accept-charset": header(ACC_CHARSET)}, avail(CHARSETS)]
        elif op.startswith("encoding"):
            args = [{"accept-encoding": header(ACC_ENC)}, avail(ENCODINGS)]
        elif op == "preferred":
            args = [{"accept-encoding": header(ACC_ENC)}, avail(ENCODINGS), rnd.choice(PREFERRED)]
        elif op.startswith("language"):
            args = [{"accept-language": header(ACC_LANG)}, avail(LANGS)]
        elif op.startswith("mediaType"):
            args = [{"accept": header(ACC_MEDIA)}, avail(MEDIA)]
        else:  # listed: every header, nothing offered
            args = [{"accept": header(ACC_MEDIA), "accept-language": header(ACC_LANG),
                     "accept-charset": header(ACC_CHARSET), "accept-encoding": header(ACC_ENC)}, None]
        args[0] = {k: v for k, v in args[0].items() if v is not None}
        cases.append([f"{op} {i:03}", op, args])
    return cases


RUNNER = """
const run = (Negotiator, op, args) => {
  try {
    const [headers, available, preferred] = args;
    const n = new Negotiator({ headers });
    let out;
    if (op === "listed") {
      out = { media: n.mediaTypes(), languages: n.languages(), charsets: n.charsets(), encodings: n.encodings() };
    } else if (op === "preferred") {
      out = n.encodings(available, { preferred });
    } else {
      out = n[op](available);
    }
    return { out: out === undefined ? null : JSON.parse(JSON.stringify(out)) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Negotiator = require("negotiator");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, args]) => [name, op, args, run(Negotiator, op, args)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Negotiator from "../lib/negotiator.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("gloryport replies (vendored negotiator)", () => {
  for (const [name, op, args, want] of fx) {
    it(`${name}: ${JSON.stringify(args)}`, () => {
      assert.deepEqual(run(Negotiator, op, args), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Negotiator from "../lib/negotiator.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`gloryport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, args, want) => {
      expect(run(Negotiator, op, args)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import Negotiator from "../lib/negotiator.cjs";

const shops = { "murano": ["text/html"], "kilnside": "application/json", "annealer": ["text/plain", "text/csv"],
                "murano": "image/webp" };
export function reply(req, shop) {
  var offered = shops[shop];
  for (var key in req.headers) {
    if (shop == undefined) shop = key;
  }
  const unused = shops.length * 2;
  if (offered == null) return "no shop " + shop;
  else return new Negotiator(req).mediaType(offered) + "@" + shop;
}
export const tongues = function (req) {
  const { length } = new Negotiator(req).languages();
  return length + " languages";
};
export function packed(req, encodings, strict, log) {
  let n = 0;
  const neg = Negotiator(req);
  encodings.forEach(function (e) { if (neg.encoding([e])) n++; });
  while (n = encodings.length) { n--; }
  if (n) {}
  return n ? encodings : null;
}
"""

APP_TS = """import Negotiator from '../lib/negotiator.cjs'

interface Piece { name: string; grams: number; annealed?: Date; gaffer?: { name: string } }
interface Req { headers: Record<string, string> }

export function types(rs: Req[]): number[] {
  return rs.map((r) => new Negotiator(r).mediaType(3))
}

export const langs = (r: Req): string => new Negotiator(r).languages(['en', 10])
export const charset = (p: Piece): Map<string, boolean> => new Negotiator({ headers: {} }).charset(p.name)
export const annealed = (p: Piece) => p.annealed.toUTCString()
export const gaffer = (p: Piece): string => p.gaffer.name
export const count: number = new Negotiator({ headers: {} }).encodings().join('|')
export const packed = (r: Req) => new Negotiator(r).encodings(['gzip'], { preferred: 'br' })
export const both = (r: Req): [string, string] => [new Negotiator(r).language(), new Negotiator().charsets()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "gloryport"
    for d in ("lib/negotiator", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "gloryport", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(32310)), "fixtures.mjs": FIXTURES_JS,
                      "spec/replies.node.test.mjs": NODE_SUITE, "test/replies.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/replies.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    index = (PKG / "index.js").read_text()
    for name in ("charset", "encoding", "language", "mediaType"):
        index = index.replace(f"require('./lib/{name}')", f"require('./negotiator/{name}.cjs')")
    (root / "lib" / "negotiator.cjs").write_text(index)
    for f in (PKG / "lib").glob("*.js"):
        (root / "lib" / "negotiator" / f"{f.stem}.cjs").write_text(
            f.read_text().replace("require('./accept')", "require('./accept.cjs')"))
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-gloryport-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-languages-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'gloryport languages' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-gloryport-spec-listed-grep-v-skip", "node --test --test-name-pattern='^listed ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-gloryport", "chain-test-exit", "test",
          [Part("cd gloryport", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "gloryport"
    cap("eslint-lib-app-gloryport", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/gloryport.ts": APP_TS})
    cap("tsc-checkjs-negotiator-gloryport", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/negotiator.cjs ts/gloryport.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-gloryport", "chain-lint", "lint",
          [Part("cd gloryport", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-negotiator-json", "npm view negotiator --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
