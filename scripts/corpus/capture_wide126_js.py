"""Round 126, JavaScript: a real npm package new to the corpus (content-disposition, the Content-Disposition header
parser and formatter behind Express's res.attachment and res.download) copied into a project (`dropbox-lite`, a file
share answering downloads) with a few bugs put in, under generated vitest and node --test suites whose expectations
come from the unbroken package; eslint over the copy and the app; tsc --noEmit --checkJs over them; npm view --json of
a package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run
through capture_wide126.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide126 import JS, cap

NM = JS / "node_modules"
PKG = NM / "content-disposition"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once. A header's parameters no
# longer sorted (filename* printed before filename); percent-encoding in lower-case hex; a name holding a %XX escape no
# longer given an extended filename* parameter.
BUGS = [("index.js", "var params = Object.keys(parameters).sort()", "var params = Object.keys(parameters)"),
        ("index.js", ".toString(16)\n    .toUpperCase()", ".toString(16)"),
        ("index.js", "if (hasFallback || !isQuotedString || HEX_ESCAPE_REGEXP.test(name)) {",
         "if (hasFallback || !isQuotedString) {")]

STEMS = ["report", "invoice 2024", "résumé", "naïve café", "日本語の資料", "plan%20final", "a\"quoted\"name",
         "back\\slash", "€uro-budget", "Ελληνικά", "emoji-😀", "notes;v2", "über straße", "100%", "tab\tname",
         "x'y", "Ωmega", "données", "photo (1)", "ñandú"]
EXTS = [".pdf", ".txt", ".tar.gz", ".csv", "", ".jpg", ".docx"]


def one_name(rnd: random.Random) -> str:
    name = rnd.choice(STEMS) + rnd.choice(EXTS)
    if rnd.random() < 0.2:
        name = rnd.choice(["/srv/share/", "uploads/", "C:/tmp/", "../"]) + name
    return name


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(250):
        name = one_name(rnd)
        if i % 2 == 0:
            opts = {}
            if i % 6 == 0:
                opts["type"] = rnd.choice(["inline", "attachment", "form-data"])
            if i % 8 == 2:
                opts["fallback"] = rnd.choice([False, True, "download.bin"])
            cases.append([f"format {i:03}", "format", name, opts])
        else:
            form = rnd.randrange(6)
            if form == 0:
                h = f'attachment; filename="{name}"'
            elif form == 1:
                h = "attachment; filename*=UTF-8''" + "".join(
                    c if c.isalnum() and c.isascii() else "".join(f"%{b:02X}" for b in c.encode()) for c in name)
            elif form == 2:
                h = f"inline; filename={rnd.choice(['plain.txt', 'a b.txt', 'x.pdf'])}; size={rnd.randint(1, 9999)}"
            elif form == 3:
                h = rnd.choice(["attachment;", "attachment; filename", "; filename=x", "attachment; filename=\"a\"; "
                                "filename=\"b\"", "attachment; filename*=ISO-8859-1''caf%E9.txt",
                                "attachment; filename*=KOI8-R''x", "ATTACHMENT; FILENAME=\"up.txt\""])
            elif form == 4:
                h = f'form-data; name="field{i}"; filename="{name}"'
            else:
                h = f'attachment; filename="{name}"; filename*=UTF-8\'\'{name.encode().hex()}'
            cases.append([f"parse {i:03}", "parse", h, {}])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import cd from "content-disposition";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const run = (op, arg, opts) => {
  try {
    const r = op === "format" ? cd(arg, opts) : cd.parse(arg);
    return typeof r === "string" ? { header: r } : { type: r.type, parameters: { ...r.parameters } };
  } catch (e) {
    return { error: e.message };
  }
};
const out = spec.cases.map(([name, op, arg, opts]) => [name, op, arg, opts, run(op, arg, opts)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import cd from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
const run = (op, arg, opts) => {
  try {
    const r = op === "format" ? cd(arg, opts) : cd.parse(arg);
    return typeof r === "string" ? { header: r } : { type: r.type, parameters: { ...r.parameters } };
  } catch (e) {
    return { error: e.message };
  }
};

describe("contentDisposition()", () => {
  test.each(fx.filter((c) => c[1] === "format"))("%s: %s", (name, op, arg, opts, want) => {
    expect(run(op, arg, opts)).toEqual(want);
  });
});

describe("contentDisposition.parse()", () => {
  test.each(fx.filter((c) => c[1] === "parse"))("%s: %s", (name, op, arg, opts, want) => {
    expect(run(op, arg, opts)).toEqual(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import cd from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
const run = (op, arg, opts) => {
  try {
    const r = op === "format" ? cd(arg, opts) : cd.parse(arg);
    return typeof r === "string" ? { header: r } : { type: r.type, parameters: { ...r.parameters } };
  } catch (e) {
    return { error: e.message };
  }
};

describe("file share download headers (vendored content-disposition)", () => {
  for (const [name, op, arg, opts, want] of fx) {
    it(`${name}: ${arg}`, () => {
      assert.deepEqual(run(op, arg, opts), want);
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

APP_JS = """import contentDisposition from "../lib/index.js";

const kinds = { pdf: "inline", txt: "inline", zip: "attachment", pdf: "attachment" };
export function download(req, file) {
  const ext = file.name.split(".").pop();
  const type = kinds[ext] || "attachment";
  if (file.size == 0) return { status: 204 };
  const header = contentDisposition(file.name, { type: type, fallback: req.query.ascii == "1" });
  return { status: 200, headers: { "Content-Disposition": header, "Content-Length": file.size.toFixed("0") } };
}
export function uploadedName(headers) {
  const unused = headers["content-type"];
  const parsed = contentDisposition.parse(headers["content-disposition"]);
  for (var key in parsed.parameters) if (key === "filename*") return parsed.parameters[key].trim();
  return parsed.parameters.filename.length > 0 ? parsed.parameters.filename : parsed.parameters.name;
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "dropbox-lite"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "dropbox-lite", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(12610)), "fixtures.mjs": FIXTURES_JS,
                      "test/disposition.test.js": VITEST_SUITE, "spec/disposition.node.test.mjs": NODE_SUITE,
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
    cap("vitest-run-dropbox-lite-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-format-filter-tail-400", "npx vitest run -t format 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "dropbox-lite"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-content-disposition-json", "npm view content-disposition --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
