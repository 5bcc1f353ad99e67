"""Round 61, JavaScript: real npm packages new to the corpus (pretty-bytes, humanize-duration, filesize, ini) copied
into a project (`sizefmt`) with a few bugs put in, under generated vitest and mocha suites whose expectations come
from the unbroken packages; eslint over the copies and over eslint's own rule sources vendored into the project; tsc
--noEmit --checkJs over the copies; an esbuild bundle of an entry point with a bad import; a git history built by
committing the package sources in steps (log -p, log --stat, blame, diff). Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide61.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import n_esbuild, n_git_log_stat, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_js import n_eslint, n_mocha, n_tsc, n_vitest
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_status
from capture_wide61 import JS, cap

NM = JS / "node_modules"

# The copies: (source under node_modules, name under lib/)
COPIES = [("pretty-bytes/index.js", "pretty-bytes.js"), ("humanize-duration/humanize-duration.js",
          "humanize-duration.cjs"), ("filesize/dist/filesize.js", "filesize.js"), ("ini/lib/ini.js", "ini.cjs")]

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("pretty-bytes.js", "\t'kB',\n", "\t'KB',\n"),
        ("humanize-duration.cjs", "m: 60000,", "m: 6000,"),
        ("filesize.js", "const LOG_10_1000 = Math.log(1000);", "const LOG_10_1000 = Math.log(1024);"),
        ("ini.cjs", "if ('\\\\;#'.indexOf(c) !== -1) {", "if ('\\\\;'.indexOf(c) !== -1) {")]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    sizes = sorted({int(10 ** rnd.uniform(0, 13)) for _ in range(70)})
    durations = sorted({int(10 ** rnd.uniform(2, 10)) for _ in range(70)})
    keys = ["host", "port", "user", "path", "timeout", "retries", "mode", "label", "color", "cache"]
    vals = ["a\\;b", "x\\#y", "'quoted; v'", "\"dq\"", "true", "false", "12", "plain text", "p\\\\q", "v1.2"]
    docs = []
    for i in range(40):
        lines = [f"[section{i}]"]
        for k in rnd.sample(keys, rnd.randint(2, 5)):
            lines.append(f"{k} = {rnd.choice(vals)}")
        docs.append("\n".join(lines) + "\n")
    return {"sizes": sizes, "durations": durations, "inis": docs}


FIXTURES_JS = """
import fs from "node:fs";
import prettyBytes from "pretty-bytes";
import humanizeDuration from "humanize-duration";
import { filesize } from "filesize";
import ini from "ini";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { bytes: [], durations: [], inis: [] };
for (const n of spec.sizes) out.bytes.push([n, prettyBytes(n), prettyBytes(n, { binary: true }), filesize(n), filesize(n, { standard: "jedec" })]);
for (const ms of spec.durations) out.durations.push([ms, humanizeDuration(ms), humanizeDuration(ms, { largest: 2, round: true })]);
for (const doc of spec.inis) out.inis.push([doc, ini.parse(doc)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import prettyBytes from "../lib/pretty-bytes.js";
import humanizeDuration from "../lib/humanize-duration.cjs";
import { filesize } from "../lib/filesize.js";
import ini from "../lib/ini.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("prettyBytes", () => {
  test.each(fx.bytes)("prettyBytes(%j)", (n, plain, binary) => {
    expect(prettyBytes(n)).toBe(plain);
    expect(prettyBytes(n, { binary: true })).toBe(binary);
  });
});

describe("filesize", () => {
  test.each(fx.bytes)("filesize(%j)", (n, _p, _b, si, jedec) => {
    expect(filesize(n)).toBe(si);
    expect(filesize(n, { standard: "jedec" })).toBe(jedec);
  });
});

describe("humanizeDuration", () => {
  test.each(fx.durations)("humanizeDuration(%j)", (ms, full, short) => {
    expect(humanizeDuration(ms)).toBe(full);
    expect(humanizeDuration(ms, { largest: 2, round: true })).toBe(short);
  });
});

describe("ini.parse", () => {
  test.each(fx.inis.map((x, i) => [i, ...x]))("ini document %i", (_i, doc, parsed) => {
    expect(ini.parse(doc)).toEqual(parsed);
  });
});
"""

MOCHA_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import prettyBytes from "../lib/pretty-bytes.js";
import humanizeDuration from "../lib/humanize-duration.cjs";
import ini from "../lib/ini.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("pretty-bytes (vendored)", function () {
  for (const [n, plain] of fx.bytes) {
    it(`formats ${n} bytes`, function () {
      assert.equal(prettyBytes(n), plain);
    });
  }
});

describe("humanize-duration (vendored)", function () {
  for (const [ms, , short] of fx.durations) {
    it(`humanizes ${ms} ms`, function () {
      assert.equal(humanizeDuration(ms, { largest: 2, round: true }), short);
    });
  }
});

describe("ini (vendored)", function () {
  fx.inis.forEach(([doc, parsed], i) => {
    it(`parses document ${i}`, function () {
      assert.deepEqual(ini.parse(doc), parsed);
    });
  });
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const node = { require: "readonly", module: "writable", exports: "writable", console: "readonly", process: "readonly",
               __dirname: "readonly", __filename: "readonly", setTimeout: "readonly", clearTimeout: "readonly",
               Buffer: "readonly", globalThis: "readonly", define: "readonly", window: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.cjs", "vendor/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: node },
    rules: style },
  { files: ["lib/**/*.js", "src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: node },
    rules: style },
];
"""

APP_JS = """import prettyBytes from "../lib/pretty-bytes.js";
import { filesize, partial } from "../lib/filesize.js";
import { formatBytes } from "../lib/pretty-bytes.js";
import humanizeDuration from "../lib/humanize-duration.cjs";

const units = { kb: 1000, mb: 1000000, kb: 1024 };
export function report(stats) {
  if (stats.size == -0) return "empty";
  const fmt = partial({ base: 2 });
  return `${prettyBytes(stats.size)} (${filesize(stats.size)}, ${fmt(stats.size)}) in ${humanizeDuration(stats.ms)} ` +
    formatBytes(units.kb);
}
"""


TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "sizefmt"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "sizefmt", "version": "0.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run",
                                                              "build": "esbuild src/app.js --bundle --platform=node "
                                                                       "--outfile=dist/app.js"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(6110)), "fixtures.mjs": FIXTURES_JS,
                      "test/sizefmt.test.js": VITEST_SUITE, "spec/sizefmt.spec.mjs": MOCHA_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    # the history: each package's unbroken source committed in its own step, then the bugs left uncommitted
    git = "git -c user.name='Ines Okafor' -c user.email=ines@sizefmt.example"
    run(f"git init -q -b main && {git} add package.json eslint.config.js && {git} commit -qm 'sizefmt: project skeleton'",
        cwd=root)
    for src, name in COPIES:
        run(f"cp {NM}/{src} lib/{name} && {git} add lib/{name} && "
            f"{git} commit -qm 'vendor {src.split('/')[0]} as lib/{name}'", cwd=root)
    run(f"{git} add test spec src && {git} commit -qm 'suites and the report entry point'", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-sizefmt", "npx vitest run", root, n_vitest, timeout=600)
    cap("vitest-run-tail-80", "npx vitest run 2>&1 | tail -80", root, n_vitest, timeout=600)
    cap("vitest-verbose-tail-400", "npx vitest run --reporter=verbose 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-t-humanize", 'npx vitest run -t "humanizeDuration"', root, n_vitest, timeout=600)
    cap("vitest-t-filesize", 'npx vitest run -t "filesize"', root, n_vitest, timeout=600)
    cap("mocha-grep-ini", 'npx mocha spec/sizefmt.spec.mjs --grep "ini"', root, n_mocha, timeout=600)
    cap("mocha-spec-sizefmt", "npx mocha spec/sizefmt.spec.mjs", root, n_mocha, timeout=600)
    chain("chain-mocha-dot-exit", "chain-test-exit", "test",
          [Part("npx mocha --reporter dot spec/sizefmt.spec.mjs", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")],
          root, timeout=600)
    chain("chain-cd-vitest-tail", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -60", n_vitest)], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "sizefmt"
    run(f"mkdir -p vendor && cp -r {NM}/eslint/lib/rules vendor/eslint-rules", cwd=root)
    cap("eslint-lib", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("eslint-vendor-rules", "npx eslint vendor/eslint-rules", root, n_eslint, timeout=600)
    cap("eslint-vendor-head-400", "npx eslint vendor/eslint-rules/utils vendor/eslint-rules/[a-f]*.js 2>&1 | head -n 400",
        root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/humanize-duration.cjs lib/ini.cjs lib/pretty-bytes.js lib/filesize.js", root, n_tsc, timeout=600)
    chain("chain-eslint-tsc", "chain-lint", "lint",
          [Part("npx eslint lib", n_eslint),
           Part("npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext lib/ini.cjs "
                "lib/pretty-bytes.js", n_tsc, ";")], root, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the runs naming files (tsc refuses both)
    cap("tsc-noemit-project", "npx tsc --noEmit", root, n_tsc, timeout=600)
    chain("chain-eslint-src-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src test spec", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)
    cap("esbuild-bundle-app", "npx esbuild src/app.js --bundle --platform=node --outfile=dist/app.js", root, n_esbuild)
    chain("chain-esbuild-exit", "chain-build-exit", "build",
          [Part("npx esbuild src/app.js --bundle --platform=node --outfile=dist/app.js 2>&1", n_esbuild),
           Part("echo EXIT=$?", n_status_echo, ";")], root)


def git_history(tmp: Path) -> None:
    root = tmp / "sizefmt"
    cap("git-log-p", "git log -p", root, n_log_p)
    cap("git-log-p-3", "git log -p -3", root, n_log_p)
    cap("git-log-p-ini-pretty", "git log -p -- lib/ini.cjs lib/pretty-bytes.js", root, n_log_p)
    chain("chain-status-diff", "chain-git", "git", [Part("git status", n_status), Part("git diff", n_diff)], root)
    cap("git-log-stat", "git log --stat", root, n_git_log_stat)
    cap("git-diff-bugs", "git diff", root, n_diff)
    cap("git-blame-humanize-tail", "git blame -L 1380,1678 lib/humanize-duration.cjs", root, n_blame)
    cap("git-blame-ini", "git blame lib/ini.cjs", root, n_blame)


STEPS = [js_tests, js_lint, git_history]
