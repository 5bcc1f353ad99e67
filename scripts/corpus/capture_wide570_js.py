"""Round 570, JavaScript / TypeScript: real n-z npm packages new to the corpus with their OWN test suites
(node-polyglot 2.6.0: `index.js` and its mocha suite `test/index.js` on chai 3's expect; tiny-inflate 1.0.3:
`index.js` and its mocha suite `test/index.js` on assert and zlib), copied into a clay pipe works' app (`pipeboard`)
with a few bugs put in by capture_material.put_bugs, the shipped suites run unchanged against the broken copy with
mocha, jest and vitest; eslint (stylish, unix) over the copy and app with round 313's config (imported); tsc --noEmit
over a strict-mode app (`mufflestock`, round 313's strict tsconfig, imported); esbuild and rollup builds failing
(round 484's `kiln_sections`, imported, called with this round's words and seed 57010); npm view --json; a real
install (`saggarstock`) whose package-lock.json is cat'ed and queried with jq, then broken by hand for npm ls --all;
minified bundles cat'ed; node crashing (`trimcheck`). Each kind's extractor is an earlier round's, imported; a
chain's from each part's own (round 9b). Run through capture_wide570.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
import capture_wide484_js as r484
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide44_js import N_ESLINT_UNIX
from capture_wide6_new import n_rollup
from capture_wide9b import Part, chain, n_status_echo
from capture_wide570 import JS, cap

NM = JS / "node_modules"
SEED = 57010

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# node-polyglot: Czech 4 takes the "many" form; Romanian's "few" stops at 10; a missing substitution becomes "";
# tiny-inflate: a stored block's data read one byte late (5 header bytes skipped instead of 4).
BUGS = [("lib/node-polyglot/index.js", "return (n >= 2 && n <= 4) ? 1 : 2;", "return (n >= 2 && n < 4) ? 1 : 2;"),
        ("lib/node-polyglot/index.js", "(lastTwo >= 2 && lastTwo <= 19)", "(lastTwo >= 2 && lastTwo <= 10)"),
        ("lib/node-polyglot/index.js", "if (!has(options, argument) || options[argument] == null) { return expression; }",
         "if (!has(options, argument) || options[argument] == null) { return ''; }"),
        ("lib/tiny-inflate/index.js", "d.sourceIndex += 4;", "d.sourceIndex += 5;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# mocha's hook names for jest and vitest (their globals have beforeAll/afterAll); the test files stay unchanged
MOCHA_HOOKS = "// the shipped suites use mocha's before/after\nglobalThis.before = globalThis.beforeAll;\n" \
              "globalThis.after = globalThis.afterAll;\n"

KILNS_JS = """import Polyglot from "../lib/node-polyglot/index.js";
import inflate from "../lib/tiny-inflate/index.js";

const kilns = { "muffle-1": 880, "muffle-2": "hot", "bottle-kiln": [960], "updraught": "cold", "muffle-1": 900 };
const phrases = { pipes: "%{smart_count} pipe |||| %{smart_count} pipes", bowl: "bowl of %{maker}" };
export function firing(kiln, pipes) {
  var t = kilns[kiln];
  for (var key in kilns) {
    if (kiln == undefined) kiln = key;
  }
  const unused = kilns.length * 2;
  var p = new Polyglot({ phrases: phrases, locale: "cs" });
  if (t == null) return "no kiln " + kiln;
  else return p.t("pipes", pipes) + " at " + t + "C";
}
export const trimmed = function (log, size) {
  const out = inflate(log, new Uint8Array(size));
  return out.length == size == true ? "whole" : "short by " + (size - out.length);
};
export function mouldTally(moulds, worn, trimmer) {
  let n = 0;
  moulds.forEach(function (m) { if (m.stems != "") n++; });
  while (n = moulds.length) { n--; }
  if (n) {}
  return n ? moulds : null;
}
"""

MAIN_JS = """import { firing, trimmed } from "./kilns.js";
import { stopper } from "./stoppers.js";
import { stem } from "./stems.js";

export const report = [firing("muffle-1", 144), trimmed(new Uint8Array(4), 10), stopper(3), stem()];
"""

STOPPERS_JS = """import Polyglot from "../lib/node-polyglot/index.js";

export function stopper(n) {
  const p = new Polyglot({ locale: "ro" });
  return p.t("stoppers", n * 2.from("pipe-clay"));
}
"""

MUFFLE_TS = """import Polyglot from '../lib/node-polyglot/index.js'
import inflate from '../lib/tiny-inflate/index.js'

interface Mould { name: string; bowls: number; stem?: { length: number; bore: string }; cut?: Date }
interface Trimmer { name: string; perHour: number; since?: { year: number } }

export function mouldSheet(ms: Mould[]): string[] {
  return ms.map((m) => m.stem.length.toFixed(m.stem.bore))
}

const p = new Polyglot({ phrases: { pipes: '%{smart_count} pipes' }, locale: 1 })
export const pipes = (n: number): number => p.t('pipes', { smart_count: n })
export const fast = (t: Trimmer): boolean => p.t(t.name, t.perHour) > 9000
export const cut = (m: Mould) => m.cut.toUTCString()
export const unpack = (log: string, n: number): string => inflate(log, new Uint8Array(n))
export const kiln: number = Polyglot.transformPhrase('%{t} C', { t: 900 }, 'en', 42)
export const tenure = (t: Trimmer): string => t.since.year.toFixed(t.name)
export const both = (t: Trimmer): [number, string] => [p.locale(t.perHour).length, t.name.at(-1)]
export const has = (m: Mould): Date => p.has(m.name, m.bowls)
"""

TRIMCHECK_JS = """// trimcheck: the trimmer's morning round, inflating each kiln's overnight log before the trimming starts
const zlib = require("zlib");
const inflate = require("../lib/tiny-inflate/index.js");
const Polyglot = require("../lib/node-polyglot/index.js");

class TrimCheckError extends Error {}

const p = new Polyglot({ phrases: { lines: "%{smart_count} log line |||| %{smart_count} log lines" } });

function readLog(kiln, level) {
  const lines = [];
  for (let i = 0; i < 400; i++) lines.push(`${kiln} 0${i % 10}:00 muffle ${860 + (i % 40)}C bowls ${i * 3}`);
  const raw = Buffer.from(lines.join("\\n"));
  const packed = zlib.deflateRawSync(raw, { level });
  const out = inflate(packed, Buffer.alloc(raw.length));
  const at = out.findIndex((b, i) => b !== raw[i]);
  if (at >= 0) throw new RangeError(`kiln ${kiln}: inflated log differs from the kiln's at byte ${at} of ${raw.length}`);
  return p.t("lines", lines.length);
}

function checkKiln(kiln, level) {
  try {
    return readLog(kiln, level);
  } catch (e) {
    throw new TrimCheckError(`log check on ${kiln} failed`, { cause: e });
  }
}

for (const [kiln, level] of [["muffle-1", 6], ["muffle-2", 9], ["bottle-kiln", 0], ["updraught", 1]]) {
  console.log(kiln, "level", level, checkKiln(kiln, level));
}
"""

PIPE_WORDS = ["bowl", "stem", "spur", "heel", "mouthpiece", "bore-wire", "pipe-clay", "pipe-mould", "gin-press",
              "stopper", "trimmer", "muffle", "pipe-pot", "crank", "clay-bat"]

TESTS = "lib/node-polyglot/test/index.js lib/tiny-inflate/test/index.js"


def pipeboard(tmp: Path) -> Path:
    root = tmp / "pipeboard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "pipeboard", "version": "2.6.0", "main": "lib/node-polyglot/index.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/index.js"],
                                                  "setupFilesAfterEnv": ["./test/mocha-hooks.cjs"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/index.js"], '
                                  'setupFiles: ["./test/mocha-hooks.cjs"] } };\n',
             "test/mocha-hooks.cjs": MOCHA_HOOKS,
             "app/kilns.js": KILNS_JS, "app/main.js": MAIN_JS, "app/stoppers.js": STOPPERS_JS,
             "scripts/trimcheck.js": TRIMCHECK_JS}
    write_tree(root, files)
    for pkg, extra in (("node-polyglot", ["test/index.js"]), ("tiny-inflate", ["test/index.js", "test/lorem.txt"])):
        d = root / "lib" / pkg
        (d / "test").mkdir(parents=True, exist_ok=True)
        for f in ["index.js", "package.json"] + extra:
            shutil.copy(NM / pkg / f, d / f)
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = pipeboard(tmp)
    cap("mocha-polyglot-tiny-inflate-own-suites-pipeboard", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("mocha-polyglot-spec-reporter", "npx mocha lib/node-polyglot/test/index.js --reporter spec 2>&1", g, n_mocha,
        timeout=300)
    cap("mocha-color-both-suites-pipeboard", f"npx mocha {TESTS} --color 2>&1", g, n_mocha, timeout=300)
    cap("jest-polyglot-tiny-inflate-own-suites-pipeboard", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-pipeboard", "npx jest --ci --verbose 2>&1", g, n_jest, timeout=300)
    cap("jest-color-pipeboard-head", "FORCE_COLOR=1 npx jest --ci 2>&1 | head -n 300", g, n_jest, timeout=300)
    cap("vitest-polyglot-tiny-inflate-own-suites-pipeboard", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-pipeboard", "npx vitest run --reporter=verbose 2>&1", g, n_vitest, timeout=300)
    cap("vitest-color-verbose-pipeboard", "FORCE_COLOR=1 npx vitest run --reporter=verbose 2>&1", g, n_vitest,
        timeout=300)
    chain("chain-cd-mocha-pipeboard-grep-exit", "chain-cd-test-exit", "test",
          [Part("cd pipeboard", None),
           Part(f"npx mocha {TESTS} 2>&1 | grep -E -A3 'passing|failing|^  [0-9]+\\) '", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-plural-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci -t 'pluralizes|interpolat|uncompressed' 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-locale-grep", "chain-test-grep", "test",
          [Part("npx vitest run -t 'pluralizes in|inflate' 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "pipeboard"
    cap("eslint-stylish-pipeboard-app-lib", "npx eslint app lib scripts 2>&1", g, n_eslint, timeout=300)
    cap("eslint-color-pipeboard-app", "npx eslint --color app 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-pipeboard-app-lib", "npx eslint -f unix app lib scripts 2>&1", g, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-pipeboard-grep-v-warning", "npx eslint -f unix app lib 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-tests-pipeboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd pipeboard", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("tsc-checkjs-polyglot-pipeboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/node-polyglot/index.js lib/tiny-inflate/index.js "
        "app/kilns.js scripts/trimcheck.js 2>&1 | head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-polyglot-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext {TESTS} 2>&1 | head -n 1500", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-polyglot-tests-head", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        f"es2022 --module nodenext --moduleResolution nodenext {TESTS} 2>&1 | head -n 2500", g, n_tsc, timeout=300)
    t = tmp / "mufflestock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "mufflestock", "version": "0.4.0", "type": "module"},
                                              indent=2) + "\n", "ts/mufflestock.ts": MUFFLE_TS,
                   "app/kilns.js": KILNS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-mufflestock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/mufflestock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-mufflestock-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-mufflestock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-mufflestock", "chain-lint-typecheck", "lint",
          [Part("cd mufflestock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "pipeboard"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500-557 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which pipeboard lacks
    r484.SEED, r484.WORKS_WORDS = SEED, PIPE_WORDS
    r484.kiln_sections(g)
    # the whole package, the generated sections included (before any dist/ output exists)
    cap("eslint-stylish-pipeboard-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-pipeboard-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("esbuild-bundle-pipeboard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-pipeboard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-pipeboard-main-exit", "npx esbuild app/main.js app/kilns.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-main-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/stoppers.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-polyglot", "chain-build-run", "code",
          [Part("npx esbuild lib/node-polyglot/index.js --bundle --minify --platform=node "
                "--outfile=dist/polyglot.min.js 2>/dev/null", None),
           Part("cat dist/polyglot.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-tiny-inflate-spec-cat", "chain-build-run", "code",
          [Part("npx esbuild lib/tiny-inflate/test/index.js --bundle --minify --platform=node "
                "--outfile=dist/spec.min.js 2>/dev/null", None),
           Part("cat dist/spec.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-chai3-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/chai/index.js --bundle --minify --platform=node --outfile=dist/chai.min.js "
                "2>/dev/null", None), Part("cat dist/chai.min.js", n_min_js, "&&")], g, timeout=300)
    cap("esbuild-minify-kilns-browser-cat", "npx esbuild app/kilns.js --bundle --minify --format=esm 2>/dev/null",
        g, n_min_js, timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "pipeboard"
    for pkg in ("node-polyglot", "tiny-inflate", "shell-quote", "object-inspect"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "saggarstock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "saggarstock", "version": "1.7.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund node-polyglot@2.6.0 tiny-inflate@1.0.3 shell-quote object-inspect chai@3 "
        "mocha eslint 2>&1", cwd=q, timeout=400)
    cap("package-lock-saggarstock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-saggarstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd saggarstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["node-polyglot"] = "^3.0.0"
    pj["dependencies"]["bore-wire"] = "^2.1.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/shell-quote node_modules/hasown && cp -r node_modules/tiny-inflate "
        "node_modules/gin-press && sed -i 's/\"name\": \"tiny-inflate\"/\"name\": \"gin-press\"/' "
        "node_modules/gin-press/package.json", cwd=q)
    cap("npm-ls-all-saggarstock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "pipeboard"
    cap("node-uncaught-trimcheck", "node scripts/trimcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-trimcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {TESTS} 2>&1 | tail -n 60", n_mocha),
           Part("node scripts/trimcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
