"""Round 18, JavaScript, Go and C: generated suites over real npm packages with a few wrong expectations (mocha over
underscore, node --test --test-reporter=spec over marked, its TAP reporter over handlebars), c8's coverage table over
underscore's modules, eslint and tsc --checkJs over copies of shipped sources, go test over copies of Go standard
library packages with two bugs put in, and C with warnings turned up (gcc over regex's engine, cppcheck over brotli's
decoder, make -k over wrapt's, regex's and brotli's C). Each kind's extractor is an earlier round's. Run through
capture_wide18.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

from capture_more import n_cppcheck, run, write_tree
from capture_redund import n_gcc_many
from capture_wide2 import n_node_tap
from capture_wide6_new import n_istanbul
from capture_wide15_js import n_eslint, n_mocha, n_node_test, n_tsc
from capture_wide15_langs import n_go_test, n_make
from capture_more import n_go_test_json
from capture_wide17_runs import patch
from capture_wide18 import JS, cap, cap_cut

BROTLI, WRAPT, REGEX = "Brotli-1.1.0", "wrapt-1.16.0", "regex-2024.11.6"
PY_INC = "/usr/include/python3.11"


def _underscore_suite(n: int, wrong: set[int]) -> str:
    """A mocha suite over underscore: n small cases in six groups, the `wrong` ones expecting the wrong thing."""
    body = ["const assert = require('node:assert/strict');", "const _ = require('underscore');", ""]
    groups = ["chunk", "range", "pluck", "uniq", "pick", "escape"]
    per = n // len(groups)
    for gi, g in enumerate(groups):
        body.append(f"describe('_.{g}', () => {{")
        for i in range(per):
            off = 1 if gi * per + i in wrong else 0
            if g == "chunk":
                body.append(f"  it('splits {i + 4} items into chunks of 3', () => "
                            f"assert.equal(_.chunk(_.range({i + 4}), 3).length, {(i + 6) // 3 + off}));")
            elif g == "range":
                body.append(f"  it('counts to {i * 5} by 5', () => assert.equal(_.range(0, {i * 5 + 1}, 5).length, "
                            f"{i + 1 + off}));")
            elif g == "pluck":
                body.append(f"  it('plucks the ids of {i} users', () => assert.deepEqual(_.pluck(_.range({i})"
                            f".map(k => ({{id: k}})), 'id'), _.range({i + off})));")
            elif g == "uniq":
                body.append(f"  it('keeps {i % 7 + 1} distinct values of {i + 10}', () => assert.equal(_.uniq("
                            f"_.range({i + 10}).map(k => k % {i % 7 + 1})).length, {i % 7 + 1 + off}));")
            elif g == "pick":
                body.append(f"  it('picks key k{i}', () => assert.deepEqual(_.pick({{k{i}: {i}, z: 0}}, 'k{i}'), "
                            f"{{k{i}: {i + off}}}));")
            else:
                body.append(f"  it('escapes row {i}', () => assert.equal(_.escape('<td>{i}</td>'), "
                            f"'&lt;td&gt;{i + off}&lt;/td&gt;'));")
        body.append("});")
    return "\n".join(body) + "\n"


def _marked_suite(n: int, wrong: set[int]) -> str:
    """A node --test suite over marked: headings, emphasis and lists rendered, the `wrong` ones expected wrongly."""
    body = ["import { test, describe } from 'node:test';", "import assert from 'node:assert/strict';",
            "import { marked } from 'marked';", ""]
    for part, make in [("headings", lambda i, o: (f"{'#' * (i % 6 + 1)} Title {i}",
                                                   f"<h{i % 6 + 1 + o}>Title {i}</h{i % 6 + 1 + o}>\\n")),
                       ("emphasis", lambda i, o: (f"*word{i}* and **w{i}**",
                                                  f"<p><em>word{i + o}</em> and <strong>w{i}</strong></p>\\n")),
                       ("code", lambda i, o: (f"`x{i}`", f"<p><code>x{i + o}</code></p>\\n"))]:
        body.append(f"describe('marked {part}', () => {{")
        for i in range(n // 3):
            k = len(body)
            src, html = make(i, 1 if k in wrong else 0)
            body.append(f"  test('renders {part} case {i}', () => assert.equal(marked.parse('{src}'), '{html}'));")
        body.append("});")
    return "\n".join(body) + "\n"


def _handlebars_suite(n: int, wrong: set[int]) -> str:
    """A node --test suite over handlebars templates, for the TAP reporter."""
    body = ["const { test } = require('node:test');", "const assert = require('node:assert/strict');",
            "const Handlebars = require('handlebars');", ""]
    for i in range(n):
        off = 1 if i in wrong else 0
        if i % 3 == 0:
            body.append(f"test('invoice {i} greets its customer', () => assert.equal(Handlebars.compile("
                        f"'Dear {{{{name}}}},')({{name: 'C{i}'}}), 'Dear C{i + off},'));")
        elif i % 3 == 1:
            body.append(f"test('invoice {i} lists {i % 5} lines', () => assert.equal(Handlebars.compile("
                        f"'{{{{#each l}}}}-{{{{/each}}}}')({{l: Array({i % 5}).fill(0)}}), '{'-' * (i % 5 + off)}'));")
        else:
            body.append(f"test('invoice {i} escapes the note', () => assert.equal(Handlebars.compile("
                        f"'{{{{note}}}}')({{note: '<b>{i}</b>'}}), '&lt;b&gt;{i + off}&lt;/b&gt;'));")
    return "\n".join(body) + "\n"


UNDERSCORE_COVER = """import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as _ from 'underscore/modules/index-all.js';
test('chunk', () => assert.equal(_.chunk([1, 2, 3, 4], 2).length, 2));
test('groupBy', () => assert.deepEqual(Object.keys(_.groupBy([1.2, 2.1, 2.4], Math.floor)), ['1', '2']));
test('template', () => assert.equal(_.template('hi <%= n %>')({n: 'x'}), 'hi x'));
test('debounce exists', () => assert.equal(typeof _.debounce, 'function'));
test('sortBy', () => assert.deepEqual(_.sortBy([3, 1, 2]), [1, 2, 3]));
"""

ESLINT_CONFIG = """import js from '@eslint/js';
export default [js.configs.recommended, {languageOptions: {ecmaVersion: 2022, sourceType: 'module',
  globals: {window: 'readonly', document: 'readonly', console: 'readonly'}},
  rules: {'no-var': 'warn', 'prefer-const': 'warn', eqeqeq: 'warn', 'no-prototype-builtins': 'warn'}}];
"""


def js(tmp: Path) -> None:
    """The suites written into the round's npm project, run as an agent runs them."""
    write_tree(JS, {"test/underscore.spec.js": _underscore_suite(240, {17, 101, 155, 233}),
                    "test/marked.test.mjs": _marked_suite(630, {41, 300, 512}),
                    "test/handlebars.test.js": _handlebars_suite(330, {12, 207}),
                    "cover/underscore.test.mjs": UNDERSCORE_COVER})
    cap("mocha-underscore", "npx mocha test/underscore.spec.js 2>&1", JS, n_mocha)
    cap("node-test-spec-marked", "node --test --test-reporter=spec test/marked.test.mjs 2>&1", JS, n_node_test)
    cap("node-test-tap-handlebars", "node --test --test-reporter=tap test/handlebars.test.js 2>&1", JS, n_node_tap)
    cap("c8-text-underscore", "npx c8 --reporter=text --exclude-node-modules=false "
        "--include 'node_modules/underscore/modules/**' node --test --test-reporter=dot cover/ 2>&1", JS, n_istanbul)
    proj = tmp / "hbs"
    write_tree(proj, {"eslint.config.js": ESLINT_CONFIG, "package.json": '{"type": "module"}\n'})
    run(f"cp -r {JS}/node_modules/handlebars/lib {proj}/src && cp {JS}/node_modules/acorn/dist/acorn.js {proj}/",
        cwd=proj)
    run(f"ln -s {JS}/node_modules {proj}/node_modules", cwd=proj)
    cap("eslint-handlebars-src", "npx eslint src 2>&1", proj, n_eslint)
    cap("tsc-checkjs-acorn", "npx tsc --allowJs --checkJs --noEmit --strict --target es2020 acorn.js 2>&1", proj,
        n_tsc)


GO_PKGS = ["encoding/hex", "encoding/base32", "encoding/base64", "encoding/ascii85", "container/heap", "text/scanner",
           "unicode/utf16", "regexp/syntax"]


def go(tmp: Path) -> None:
    """go test over a module made of copies of standard library packages, two of them broken."""
    mod = tmp / "gostd"
    mod.mkdir()
    goroot = subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True).stdout.strip()
    for p in GO_PKGS:
        run(f"mkdir -p {p} && cp {goroot}/src/{p}/*.go {p}/", cwd=mod)
    run("go mod init example.com/gostd", cwd=mod)
    # the copies' tests must import the copies, not the originals
    sed = " ".join(f"-e 's#\"{p}\"#\"example.com/gostd/{p}\"#'" for p in GO_PKGS)
    run(f"grep -rl --include='*_test.go' . | xargs -r sed -i {sed}", cwd=mod)
    patch(mod / "encoding/hex/hex.go", "func DecodedLen(x int) int { return x / 2 }",
          "func DecodedLen(x int) int { return (x + 1) / 2 }")
    patch(mod / "unicode/utf16/utf16.go", "surrSelf = 0x10000", "surrSelf = 0x10001")
    env = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOCACHE": str(tmp / "gocache")}
    cap("go-test-v-gostd", "go test -v ./... 2>&1 | tail -n 900", mod, n_go_test, env=env)
    cap("go-test-json-gostd", "go test -json ./encoding/hex ./unicode/utf16 ./container/heap 2>&1", mod,
        n_go_test_json, env=env)


def c(tmp: Path) -> None:
    """C sources of two real packages compiled and checked with warnings turned up."""
    cap("gcc-wextra-regex", f"gcc -Wall -Wextra -Wconversion -Wsign-conversion -fsyntax-only -I{PY_INC} "
        "_regex.c _regex_unicode.c 2>&1", tmp / REGEX / "regex_3", n_gcc_many)
    # one #ifdef configuration: checking all of brotli's takes cppcheck minutes a file
    cap("cppcheck-brotli-dec-wrapt", f"cppcheck --enable=all --inconclusive --max-configs=1 -I {BROTLI}/c/include "
        f"{BROTLI}/c/dec {WRAPT}/src/wrapt/_wrappers.c 2>&1", tmp, n_cppcheck, timeout=300)
    cext = tmp / "cext"
    write_tree(cext, {"Makefile": MAKEFILE})
    run(f"cp {tmp / WRAPT}/src/wrapt/_wrappers.c {tmp / REGEX}/regex_3/_regex*.[ch] {cext}/ && "
        f"cp -r {tmp / BROTLI}/c {cext}/brotli")
    cap_cut("oc-make-k-cext", "make -k CFLAGS='-O2 -Wall -Wextra -Wconversion -Wsign-conversion -Wcast-qual' 2>&1",
            cext, n_make, timeout=900)


MAKEFILE = f"""CC ?= gcc
CFLAGS ?= -O2 -Wall -Wextra
INC = -I{PY_INC} -Ibrotli/include
SRCS = _wrappers.c _regex_unicode.c _regex.c $(wildcard brotli/dec/*.c) $(wildcard brotli/common/*.c)
OBJS = $(patsubst %.c,build/%.o,$(SRCS))

all: $(OBJS)

build/%.o: %.c
\t@mkdir -p $(dir $@)
\t$(CC) $(CFLAGS) -fPIC $(INC) -c $< -o $@
"""


STEPS = [js, go, c]
