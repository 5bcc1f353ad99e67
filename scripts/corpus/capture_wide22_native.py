"""Round 22, the other chains: a Node app over the npm packages deepmerge, dequal, klona and escape-html (npm install
+ test + tail, tsc then test, build then a run that crashes, ls + cat package.json, grep then sed) kept in git
(status + diff --stat + diff, log + show, add + commit + log); a Go module (vet && test, vet ; test | tail, gofmt
then -run), a Rust crate (build | tail && test, build && a run that panics, clippy ; test), a C program (make |
tail && a self-test that aborts) and shell scripts (shellcheck ; bash -n). The projects are written here with bugs
in them; each part's extractor is an earlier round's. Run through capture_wide22.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import n_go_vet, n_tape, run, write_tree
from capture_wide import n_diff_stat, n_node_uncaught, n_rust_bt
from capture_wide4 import n_go_panic, n_npm_run_fail
from capture_wide6 import n_cargo_build, n_cargo_test, n_go_test
from capture_wide6_fresh import n_make, n_npm_view, n_shellcheck, n_tsc
from capture_wide7 import (
    n_diff,
    n_log,
    n_log_p,
    n_ls_la,
    n_npm_install,
    n_npm_ls,
    n_path_list,
    n_show,
    n_status,
)
from capture_wide9b import n_config, n_source, n_status_echo
from capture_wide9b_chains import n_git_commit, n_package_json, union
from capture_wide9b_reads import n_grep_rn
from capture_wide10 import line_rule
from capture_wide15_langs import n_clippy
from capture_wide19_sys import n_shell_crash
from capture_wide22 import GIT_ENV, Part, chain

n_npm_test = union("npm-test-node-tap", "test", n_tape, n_npm_run_fail)
n_npm_build = union("npm-run-build-tsc", "build", n_tsc, n_npm_run_fail)
n_bash_n = line_rule("bash-n", "lint", "Rule 1 on bash -n: every line it prints (each reports a syntax error with its file and line).",
                     hit=r"\S")

# ------------------------------------------------------------------ the Node app (deepmerge, dequal, klona, escape-html)

CONFIG_JS = """const deepmerge = require('deepmerge');

const DEFAULTS = { retries: 3, timeoutMs: 2000, regions: ['eu-west'], flags: { beta: false, audit: true } };

// TODO: validate region names against the catalogue
function loadConfig(overrides = {}) {
  // arrays replace instead of concatenating (the fix for #214 was reverted by mistake)
  return deepmerge(DEFAULTS, overrides);
}

function withFlag(cfg, name, value) {
  return deepmerge(cfg, { flags: { [name]: value } });
}

module.exports = { DEFAULTS, loadConfig, withFlag };
"""
RENDER_JS = """const escapeHtml = require('escape-html');

function row(item) {
  // FIXME: the note column is not escaped
  return `<tr><td>${escapeHtml(item.sku)}</td><td>${escapeHtml(item.title)}</td><td>${item.note}</td></tr>`;
}

function table(items) {
  return ['<table>', ...items.map(row), '</table>'].join('\\n');
}

function price(cents) {
  return (cents / 100).toFixed(1);
}

module.exports = { row, table, price };
"""
CACHE_JS = """const { klona } = require('klona');
const { dequal } = require('dequal');

class Cache {
  constructor(limit = 3) { this.limit = limit; this.map = new Map(); }
  set(k, v) {
    this.map.set(k, v);  // TODO: clone on write
    if (this.map.size > this.limit + 1) this.map.delete(this.map.keys().next().value);
  }
  get(k) { return this.map.has(k) ? klona(this.map.get(k)) : undefined; }
  same(k, v) { return dequal(this.map.get(k), v); }
}

module.exports = { Cache };
"""
MAIN_TS = """import { loadConfig } from './config';

interface Order { sku: string; qty: number; unitCents: number; note?: string }

export function total(orders: Order[]): number {
  return orders.reduce((sum, o) => sum + o.qty * o.unitCents, '0');
}

export function describe(o: Order): string {
  return o.sku.toUpperCase() + ' x' + o.qty.toFixed() + ' ' + o.note.trim();
}

const cfg = loadConfig({ retries: '5' });
const orders: Order[] = [{ sku: 'ab-1', qty: 2, unitCents: 499 }, { sku: 'cd-7', qty: 1, unitCents: '1250' }];
console.log('retries', cfg.retries, 'total', total(orders));
console.log(orders.map(describe).join('\\n'));
"""


def node_tests() -> dict[str, str]:
    """Node's own runner, top-level tests (TAP when not on a terminal); a few fail on the bugs above."""
    cfg = ["const test = require('node:test');", "const assert = require('node:assert/strict');",
           "const { loadConfig, withFlag, DEFAULTS } = require('../src/config');", ""]
    for k in range(8):
        cfg += [f"test('loadConfig keeps the default retries (case {k})', () => {{",
                f"  assert.equal(loadConfig({{ timeoutMs: {1000 + k} }}).retries, 3);", "});"]
    cfg += ["test('regions override replaces the default list', () => {",
            "  assert.deepEqual(loadConfig({ regions: ['us-east'] }).regions, ['us-east']);", "});",
            "test('withFlag leaves the defaults alone', () => {", "  withFlag(DEFAULTS, 'beta', true);",
            "  assert.equal(DEFAULTS.flags.beta, false);", "});"]
    ren = ["const test = require('node:test');", "const assert = require('node:assert/strict');",
           "const { row, table, price } = require('../src/render');", ""]
    for k in range(6):
        ren += [f"test('price formats {k * 125} cents', () => {{",
                f"  assert.equal(price({k * 125}), '{k * 125 / 100:.2f}');", "});"]
    ren += ["test('row escapes the note column', () => {",
            "  assert.equal(row({ sku: 'a', title: 'b', note: '<b>x</b>' }),"
            " '<tr><td>a</td><td>b</td><td>&lt;b&gt;x&lt;/b&gt;</td></tr>');", "});",
            "test('table wraps rows', () => {", "  assert.match(table([{ sku: 's', title: 't', note: 'n' }]), /^<table>/);",
            "});"]
    cache = ["const test = require('node:test');", "const assert = require('node:assert/strict');",
             "const { Cache } = require('../src/cache');", ""]
    for k in range(5):
        cache += [f"test('cache returns a copy of entry {k}', () => {{", "  const c = new Cache();",
                  f"  c.set('k{k}', {{ n: {k} }});", f"  const v = c.get('k{k}'); v.n = 99;",
                  f"  assert.deepEqual(c.get('k{k}'), {{ n: {k} }});", "});"]
    cache += ["test('cache evicts beyond its limit', () => {", "  const c = new Cache(2);",
              "  ['a', 'b', 'c'].forEach((k, i) => c.set(k, i));", "  assert.equal(c.get('a'), undefined);", "});"]
    return {"test/config.test.js": "\n".join(cfg) + "\n", "test/render.test.js": "\n".join(ren) + "\n",
            "test/cache.test.js": "\n".join(cache) + "\n"}


def node_app(tmp: Path) -> Path:
    app = tmp / "shopfront"
    write_tree(app, {"src/config.js": CONFIG_JS, "src/render.js": RENDER_JS, "src/cache.js": CACHE_JS,
                     "src/main.ts": MAIN_TS, **node_tests(), ".gitignore": "node_modules/\ndist/\n",
                     "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2020",
                                                                      "module": "commonjs", "outDir": "dist",
                                                                      "allowJs": True, "checkJs": False},
                                                  "include": ["src"]}, indent=2) + "\n",
                     "README.md": "# shopfront\n\nRenders the catalogue table and merges the deploy config.\n"})
    (app / "package.json").write_text(json.dumps(
        {"name": "shopfront", "version": "0.7.2", "private": True, "main": "src/render.js",
         "scripts": {"test": "node --test test/", "build": "tsc -p .", "start": "node dist/main.js"},
         "dependencies": {"deepmerge": "^4.3.1", "dequal": "^2.0.3", "escape-html": "^1.0.3", "klona": "^2.0.6"},
         "devDependencies": {"typescript": "~5.7.2", "@types/node": "^20.11.0"}}, indent=2) + "\n")
    return app


def git_history(app: Path) -> None:
    """The app under git: a few commits, then the agent's uncommitted edits."""
    g = lambda c: run(c, cwd=app, env=GIT_ENV)  # noqa: E731
    g("git init -q -b main . && git add package.json README.md .gitignore && git commit -q -m 'Scaffold shopfront'")
    for what, msg in [("src/config.js test/config.test.js", "Config: merge overrides over the defaults"),
                      ("src/render.js test/render.test.js", "Render: the catalogue table"),
                      ("src/cache.js test/cache.test.js", "Cache: a small LRU for rendered rows"),
                      ("src tsconfig.json", "Add the TypeScript entry point")]:
        g(f"git add {what} && git commit -q -m '{msg}'")
    for k, msg in enumerate(["Render: two-decimal prices", "Config: audit flag on by default", "Docs: usage",
                             "Cache: limit is configurable", "Render: note column"]):
        g(f"echo '// rev {k}' >> src/{['render', 'config', 'render', 'cache', 'render'][k]}.js && "
          f"git commit -qam '{msg}'")
    g("sed -i 's/retries: 3/retries: 4/' src/config.js && sed -i 's/toFixed(1)/toFixed(2)/' src/render.js && "
      "sed -i 's/limit = 3/limit = 8/' src/cache.js && printf '\\n## Usage\\n\\n    npm start\\n' >> README.md && "
      "mkdir -p scripts && printf '#!/bin/sh\\nnode dist/main.js \"$@\"\\n' > scripts/run.sh && rm -f tsconfig.json")


def cap_node(tmp: Path) -> None:
    app = node_app(tmp)
    chain("cd-npm-install-test-tail-shopfront", "chain-install-test-tail", "test",
          [Part("cd shopfront"), Part("npm install --no-audit --no-fund", n_npm_install),
           Part("npm test 2>&1 | tail -n 80", n_npm_test)], tmp, timeout=600)
    chain("npm-test-echo-exit-shopfront", "chain-test-exit", "test",
          [Part("npm test", n_npm_test), Part('echo "exit=$?"', n_status_echo, ";")], app)
    chain("ls-la-node-modules-cat-package-json-shopfront", "chain-ls-cat", "listing",
          [Part("ls -la node_modules node_modules/.bin", n_ls_la), Part("cat package.json", n_package_json)], app)
    chain("tsc-noemit-then-npm-test-tail-shopfront", "chain-typecheck-then-test", "lint",
          [Part("npx tsc --noEmit -p .", n_tsc), Part("npm test 2>&1 | tail -n 40", n_npm_test, ";")], app)
    chain("npm-run-build-then-node-dist-shopfront", "chain-build-then-run-crash", "build",
          [Part("npm run build", n_npm_build), Part("node dist/main.js", n_node_uncaught, ";")], app)
    chain("grep-todo-then-sed-render-shopfront", "chain-grep-sed", "search",
          [Part("grep -rn 'TODO\\|FIXME\\|assert' src test | head -n 40", n_grep_rn),
           Part("sed -n 1,80p src/render.js src/cache.js", n_source)], app)
    chain("node-test-render-head-then-cat-shopfront", "chain-test-then-read", "test",
          [Part("node --test test/render.test.js 2>&1 | head -n 80", n_tape), Part("cat src/render.js", n_source, ";")],
          app)
    chain("npm-ls-all-and-npm-view-json-shopfront", "chain-deps-then-view", "pkg",
          [Part("npm ls --all", n_npm_ls), Part("npm view klona --json", n_npm_view)], app)
    git_history(app)
    chain("git-status-diff-stat-diff-shopfront", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff --stat", n_diff_stat), Part("git diff", n_diff)], app,
          env=GIT_ENV)
    chain("git-log-stat-12-then-show-shopfront", "chain-git-log-show", "git",
          [Part("git log --stat -12", n_log), Part("git show HEAD~1", n_show)], app,
          env=GIT_ENV)
    chain("git-log-p-render-then-diff-stat-shopfront", "chain-git-log-p-diff-stat", "git",
          [Part("git log -p -3 -- src/render.js", n_log_p), Part("git diff HEAD~4 --stat | tail -n 5", n_diff_stat)],
          app, env=GIT_ENV)
    chain("git-add-commit-show-shopfront", "chain-git-commit", "git",
          [Part("git add -A"), Part("git commit -m 'Prices with two decimals; cache limit 8; usage docs'", n_git_commit),
           Part("git show HEAD", n_show)], app, env=GIT_ENV)


# ------------------------------------------------------------------ Go, Rust, C, shell


def go_module(root: Path) -> None:
    cases = "\n".join(f'\t\t{{"{d} EUR {a}.{c:02d}", {a * 100 + c}, false}},'
                      for d, a, c in [(f"2026-01-{k + 1:02d}", 10 + k * 7, (k * 13) % 100) for k in range(24)])
    tests = "\n".join(f"func TestParseLine{k:02d}(t *testing.T) {{\n\tr, err := ParseLine(\"2026-02-{k + 1:02d} USD "
                      f"{k}.{5 if k % 2 else 50}\")\n\tif err != nil || r.Cents != {k * 100 + 50} {{\n\t\tt.Fatalf(\"line {k}: got %+v, "
                      f"%v\", r, err)\n\t}}\n}}\n" for k in range(30))
    write_tree(root, {
        "go.mod": "module example.com/ledger\n\ngo 1.19\n",
        "parse/parse.go": 'package parse\n\nimport (\n\t"fmt"\n\t"strconv"\n\t"strings"\n)\n\n'
                          "// Row is one ledger line: date, currency, amount in cents.\ntype Row struct {\n"
                          "\tDate     string\n\tCurrency string\n\tCents    int\n}\n\n"
                          "// ParseLine reads 'YYYY-MM-DD CUR 12.34'.\nfunc ParseLine(s string) (Row, error) {\n"
                          "\tf := strings.Fields(s)\n\tif len(f) != 3 {\n"
                          '\t\treturn Row{}, fmt.Errorf("want 3 fields, got %d", len(f))\n\t}\n'
                          '\twhole, frac, _ := strings.Cut(f[2], ".")\n\tw, err := strconv.Atoi(whole)\n'
                          "\tif err != nil {\n\t\treturn Row{}, err\n\t}\n"
                          "\tc, _ := strconv.Atoi(frac)\n\tif len(frac) == 1 {\n\t\tc *= 1\n\t}\n"
                          "\treturn Row{Date: f[0], Currency: f[1], Cents: w*100 + c}, nil\n}\n",
        "parse/parse_test.go": 'package parse\n\nimport "testing"\n\nfunc TestTable(t *testing.T) {\n'
                               "\tcases := []struct {\n\t\tin   string\n\t\twant int\n\t\tbad  bool\n\t}{\n"
                               f"{cases}\n\t\t{{\"2026-03-01 EUR 7.5\", 750, false}},\n\t\t{{\"bad line\", 0, true}},\n"
                               "\t}\n\tfor _, c := range cases {\n\t\tr, err := ParseLine(c.in)\n"
                               "\t\tif (err != nil) != c.bad || r.Cents != c.want {\n"
                               '\t\t\tt.Errorf("ParseLine(%q) = %d, %v; want %d", c.in, r.Cents, err, c.want)\n'
                               "\t\t}\n\t}\n}\n\n" + tests,
        "report/report.go": 'package report\n\n// Top returns the n largest amounts.\nfunc Top(xs []int, n int) []int '
                            "{\n\tout := make([]int, 0, n)\n\tfor i := 0; i <= n; i++ {\n\t\tout = append(out, xs[i])\n"
                            "\t}\n\treturn out\n}\n",
        "report/report_test.go": 'package report\n\nimport "testing"\n\nfunc TestTopTwo(t *testing.T) {\n'
                                 "\tif got := Top([]int{9, 7, 5}, 2); len(got) != 2 {\n"
                                 '\t\tt.Errorf("Top = %v", got)\n\t}\n}\n\nfunc TestTopAll(t *testing.T) {\n'
                                 "\t_ = Top([]int{9, 7, 5}, 3)\n}\n",
        "cmd/ledger/main.go": 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"example.com/ledger/parse"\n)\n\n'
                              "func main() {\n\tfor _, a := range os.Args[1:] {\n\t\tr, err := parse.ParseLine(a)\n"
                              '\t\tfmt.Println(r, err)\n\t}\n\tfmt.Printf("%d rows\\n", len(os.Args)-1)\n}\n'})


def rust_crate(root: Path) -> None:
    tests = "\n".join(f"    #[test]\n    fn median_of_{k}() {{\n        assert_eq!(median(&[{k}, {k + 2}, {k + 4}]), "
                      f"{k + 2});\n    }}\n" for k in range(10))
    tests += "\n".join(f"    #[test]\n    fn mean_of_run_{k}() {{\n        assert_eq!(mean(&[{k}.0, {k + 1}.0]), "
                       f"{k}.5);\n    }}\n" for k in range(8))
    write_tree(root, {
        "Cargo.toml": '[package]\nname = "tally"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
        "src/lib.rs": "//! Small statistics over samples.\n\npub fn mean(xs: &[f64]) -> f64 {\n    let n = xs.len();\n"
                      "    let unused_total = 0;\n    xs.iter().sum::<f64>() / (n as f64 - 1.0)\n}\n\n"
                      "pub fn median(xs: &[i64]) -> i64 {\n    let mut v = xs.to_vec();\n    v.sort();\n"
                      "    let mid = v.len() / 2;\n    return v[mid];\n}\n\n"
                      "pub fn spread(xs: &[i64]) -> Option<i64> {\n    let mut it = xs.iter();\n"
                      "    let first = it.next()?;\n    let (mut lo, mut hi) = (*first, *first);\n"
                      "    for x in it { if *x < lo { lo = *x } if *x > hi { hi = *x } }\n    Some(hi - lo)\n}\n\n"
                      "#[cfg(test)]\nmod tests {\n    use super::*;\n\n" + tests + "}\n",
        "src/main.rs": "use std::env;\nuse tally::{mean, median, spread};\n\nfn selftest() {\n"
                       "    let samples: Vec<i64> = vec![];\n    let m = median(&[3, 1, 2]);\n"
                       "    println!(\"median ok: {}\", m);\n    println!(\"mean: {}\", mean(&[1.0, 2.0]));\n"
                       "    let s = spread(&samples).expect(\"spread of the samples\");\n    println!(\"spread {}\", s);\n}\n\n"
                       "fn main() {\n    let args: Vec<String> = env::args().collect();\n    let verbose = false;\n"
                       "    if args.iter().any(|a| a == \"--selftest\") {\n        selftest();\n    }\n}\n"})


C_MAIN = """#include <assert.h>
#include <stdio.h>
#include <string.h>
#include "calc.h"

static int selftest(void) {
    int ok = 0;
    for (int i = 0; i < 12; i++) {
        long v = calc_eval_sum(i, i + 1);
        printf("case %2d: sum(%d,%d) = %ld\\n", i, i, i + 1, v);
        ok += v == 2 * i + 1;
    }
    assert(ok == 12 && "calc_eval_sum regressed");
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--selftest") == 0) return selftest();
    printf("usage: %s --selftest\\n", argv[0]);
}
"""


def c_project(root: Path) -> None:
    files = {"src/main.c": C_MAIN,
             "include/calc.h": "long calc_eval_sum(int a, int b);\n" + "".join(f"int op{k}(int x, char *tag);\n"
                                                                               for k in range(14)),
             "Makefile": "CC ?= gcc\nCFLAGS ?= -Wall -Wextra -O1 -g\nSRC := $(wildcard src/*.c)\nOBJ := $(SRC:src/%.c=build/%.o)\n\n"
                         "bin/ccalc: $(OBJ)\n\t@mkdir -p bin\n\t$(CC) $(CFLAGS) -o $@ $^\n\n"
                         "build/%.o: src/%.c\n\t@mkdir -p build\n\t$(CC) $(CFLAGS) -Iinclude -c $< -o $@\n\n"
                         "clean:\n\trm -rf build bin\n\n.PHONY: clean\n",
             "src/calc.c": '#include "calc.h"\n\nlong calc_eval_sum(int a, int b) {\n    int unused;\n'
                           "    if (a > 9) return a + b + 1;\n    return a + b;\n}\n"}
    for k in range(14):
        files[f"src/op{k}.c"] = (f'#include <stdio.h>\n#include "calc.h"\n\nint op{k}(int x, char *tag) {{\n'
                                 f"    unsigned int n = {k};\n    int scratch;\n    if (x < n) {{\n"
                                 f'        printf("%s: %d\\n", tag);\n    }}\n    if (x = {k}) return x;\n}}\n')
    write_tree(root, files)


DEPLOY_SH = """#!/bin/bash
# deploy the built app to the staging host
set -e
TARGET=$1
for f in $(ls dist/*.js); do
  echo deploying $f to $TARGET
  cp $f /srv/$TARGET/
done
cd /srv/$TARGET
if [ $TARGET == "prod" ]; then
  echo "refusing to deploy to prod from a laptop"
  exit 1
fi
files=`find . -name '*.js' | wc -l`
echo "$files files deployed to ${TARGET}
"""


def cap_native(tmp: Path) -> None:
    go_module(tmp / "ledger")
    chain("cd-go-vet-and-go-test-ledger", "chain-vet-and-test", "test",
          [Part("cd ledger"), Part("go vet ./...", n_go_vet), Part("go test ./...", n_go_test)], tmp, timeout=400)
    run("sed -i 's/, len(os.Args)-1)/)/' cmd/ledger/main.go", cwd=tmp / "ledger")  # the agent's slip
    chain("go-vet-semicolon-test-tail-ledger", "chain-vet-then-test-tail", "test",
          [Part("cd ledger"), Part("go vet ./... 2>&1 | tail -n 20", n_go_vet),
           Part("go test ./... 2>&1 | tail -n 60", n_go_panic, ";")], tmp, timeout=400)
    chain("go-build-and-test-v-parse-tail-ledger", "chain-build-and-test-v", "test",
          [Part("cd ledger"), Part("go build ./...", n_go_vet),
           Part("go test -v ./parse/... 2>&1 | tail -n 80", n_go_test)], tmp, timeout=400)
    chain("gofmt-l-then-go-test-run-head-ledger", "chain-fmt-then-test-run", "test",
          [Part("cd ledger"), Part("gofmt -l .", n_path_list),
           Part("go test -run 'TestParseLine0' -v ./... 2>&1 | head -n 100", n_go_test, ";")], tmp, timeout=400)
    chain("cat-go-mod-ls-sed-parse-ledger", "chain-config-ls-source", "code",
          [Part("cd ledger"), Part("cat go.mod", n_config), Part("ls -la parse", n_ls_la),
           Part("sed -n 1,80p parse/parse.go parse/parse_test.go", n_source)], tmp)
    rust_crate(tmp / "tally")
    chain("cargo-build-tail-and-test-tail-tally", "chain-build-tail-and-test", "build",
          [Part("cd tally"), Part("cargo build 2>&1 | tail -n 50", n_cargo_build),
           Part("cargo test 2>&1 | tail -n 60", n_cargo_test)], tmp, timeout=600)
    chain("cargo-build-q-and-run-selftest-tally", "chain-build-then-run-crash", "build",
          [Part("cd tally"), Part("cargo build", n_cargo_build), Part("./target/debug/tally --selftest", n_rust_bt)],
          tmp, timeout=600)
    chain("cargo-clippy-tail-then-test-q-tally", "chain-lint-then-test", "lint",
          [Part("cd tally"), Part("cargo clippy 2>&1 | tail -n 60", n_clippy),
           Part("cargo test -q 2>&1 | tail -n 40", n_cargo_test, ";")], tmp, timeout=600)
    chain("ls-src-cat-cargo-toml-main-tally", "chain-ls-cat-cat", "code",
          [Part("cd tally"), Part("ls -la src", n_ls_la), Part("cat Cargo.toml", n_config),
           Part("cat src/main.rs src/lib.rs", n_source)], tmp)
    c_project(tmp / "ccalc")
    chain("make-tail-and-selftest-ccalc", "chain-make-tail-and-run", "build",
          [Part("cd ccalc"), Part("make 2>&1 | tail -n 50", n_make), Part("./bin/ccalc --selftest", n_shell_crash)],
          tmp)
    chain("make-clean-make-k-tail-echo-ccalc", "chain-clean-build-exit", "build",
          [Part("cd ccalc"), Part("make clean", n_make), Part("make -k CFLAGS='-Wall -Wextra -O2' 2>&1 | tail -n 60",
                                                             n_make),
           Part('echo "make exit=$?"', n_status_echo, ";")], tmp)
    scripts = tmp / "shopfront" / "scripts"
    write_tree(scripts, {"deploy.sh": DEPLOY_SH, "backup.sh": DEPLOY_SH.replace("deploy", "backup")
                         .replace("/srv/", "/var/backups/").replace("${TARGET}\n", "${TARGET}\"\n")})
    chain("shellcheck-then-bash-n-and-echo-shopfront", "chain-lint-then-syntax", "lint",
          [Part("shellcheck scripts/*.sh", n_shellcheck), Part("bash -n scripts/deploy.sh", n_bash_n, ";"),
           Part('echo "syntax ok"', n_status_echo)], tmp / "shopfront")


STEPS = [cap_node, cap_native]
