"""Round 17, the long runs: whole test suites of real packages with bugs put in (pytest over the marshmallow,
natsort, parso and voluptuous sdists; mocha and node --test over generated suites of ramda and luxon; go test -v
./... over copies of Go standard library packages), linters over whole packages, and C builds with many warnings.
Each kind's extractor is an earlier round's (capture_wide15_*.py register the first rounds' rules under their kind
names; capture_more.py and capture_redund.py hold the rest). Run through capture_wide17.py."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

from capture_more import n_pip_wheel, n_pytest_ra, run, write_tree
from capture_redund import n_gcc_many, n_pytest_many
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff, n_shellcheck
from capture_wide15_js import n_eslint, n_mocha, n_node_test, n_tsc
from capture_wide15_langs import n_go_test, n_make
from capture_wide17 import JS, PIP_ENV, cap, cap_cut

MARSH, NATS, PARSO, VOLU = "marshmallow-4.4.0", "natsort-8.4.0", "parso-0.8.7", "voluptuous-0.16.0"
BITA, UJSON, PYRS = "bitarray-3.12.3", "ujson-6.1.0", "pyrsistent-0.20.0"
PY_INC = "/usr/include/python3.11"


def patch(path: Path, old: str, new: str) -> None:
    """A bug put in on purpose: `old` must be there."""
    text = path.read_text()
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1))


def tests(tmp: Path) -> None:
    """One bug in each package, then its whole suite as an agent runs it."""
    patch(tmp / MARSH / "src/marshmallow/validate.py", "value > self.max if self.max_inclusive else value >= self.max",
          "value >= self.max if self.max_inclusive else value >= self.max")
    patch(tmp / NATS / "natsort/utils.py", "return lambda x: (x.lower(),)", "return lambda x: (x,)")
    patch(tmp / PARSO / "parso/tree.py", "end_pos_line = self.line + len(lines) - 1",
          "end_pos_line = self.line + len(lines)")
    patch(tmp / VOLU / "voluptuous/util.py", "return str(v).lower()", "return str(v).upper()")
    cap("pytest-v-marshmallow", "PYTHONPATH=src python -m pytest tests -v -p no:cacheprovider 2>&1 | tail -n 1200",
        tmp / MARSH, n_pytest_many)
    cap("pytest-q-natsort", "python -m pytest tests -q -p no:cacheprovider 2>&1", tmp / NATS, n_pytest)
    cap("pytest-ra-parso", "python -m pytest test -q -ra -p no:cacheprovider 2>&1 | tail -n 1500", tmp / PARSO,
        n_pytest_ra)
    cap("pytest-vv-voluptuous", "python -m pytest voluptuous/tests -vv -p no:cacheprovider 2>&1", tmp / VOLU, n_pytest)
    cap_cut("oc-pytest-v-parso", "python -m pytest test -v -p no:cacheprovider 2>&1", tmp / PARSO, n_pytest_many)


def _ramda_suite(n: int) -> str:
    """A mocha suite over ramda: n small cases, four of them expecting the wrong thing."""
    wrong = {37, 211, 402, 588}
    body = ["const assert = require('node:assert/strict');", "const R = require('ramda');", ""]
    groups = ["add", "clamp", "take", "splitEvery", "uniq", "pluck"]
    for g in groups:
        body.append(f"describe('R.{g}', () => {{")
        for i in range(n // len(groups)):
            k = groups.index(g) * (n // len(groups)) + i
            off = 1 if k in wrong else 0
            if g == "add":
                body.append(f"  it('adds {i} and {i * 3}', () => assert.equal(R.add({i}, {i * 3}), {i * 4 + off}));")
            elif g == "clamp":
                body.append(f"  it('clamps {i * 7} into 10..400', () => assert.equal(R.clamp(10, 400, {i * 7}), "
                            f"{min(400, max(10, i * 7)) + off}));")
            elif g == "take":
                body.append(f"  it('takes {i % 9} of a range of {i}', () => assert.equal(R.take({i % 9}, "
                            f"R.range(0, {i})).length, {min(i % 9, i) + off}));")
            elif g == "splitEvery":
                body.append(f"  it('splits {i} items into chunks of 4', () => assert.equal(R.splitEvery(4, "
                            f"R.range(0, {i})).length, {-(-i // 4) + off}));")
            elif g == "uniq":
                body.append(f"  it('uniq of {i} repeated values', () => assert.deepEqual(R.uniq(R.repeat({i}, 5)), "
                            f"[{i + off}]));")
            else:
                body.append(f"  it('plucks id {i}', () => "
                            f"assert.deepEqual(R.pluck('id', [{{id: {i}}}]), [{i + off}]));")
        body.append("});")
    return "\n".join(body) + "\n"


def _luxon_suite(n: int) -> str:
    """A node:test suite over luxon: n date cases, three of them wrong (a DST day, a leap year, a week number)."""
    body = ["import { test, describe } from 'node:test';", "import assert from 'node:assert/strict';",
            "import { DateTime, Duration } from 'luxon';", ""]
    body.append("describe('DateTime.plus days', () => {")
    for i in range(n // 2):
        days = i * 3
        ordinal = (date(2026, 1, 1) + timedelta(days=days)).timetuple().tm_yday
        body.append(f"  test('2026-01-01 plus {days} days', () => assert.equal(DateTime.fromISO('2026-01-01', "
                    f"{{zone: 'utc'}}).plus({{days: {days}}}).ordinal, {ordinal}));")
    body.append("});")
    body.append("describe('Duration.shiftTo', () => {")
    for i in range(n // 2):
        body.append(f"  test('{i * 95} minutes as hours', () => assert.equal(Duration.fromObject({{minutes: {i * 95}}})"
                    f".shiftTo('hours').hours, {i * 95 / 60!r}));")
    body.append("});")
    body += ["test('spring forward in Berlin is 23 hours', () => {",
             "  const d = DateTime.fromISO('2026-03-29', {zone: 'Europe/Berlin'});",
             "  assert.equal(d.endOf('day').diff(d.startOf('day'), 'hours').hours, 24);", "});",
             "test('2028 is a leap year', () => assert.equal(DateTime.fromISO('2028-06-01').isInLeapYear, false));",
             "test('ISO week of 2026-12-31', () => assert.equal(DateTime.fromISO('2026-12-31').weekNumber, 52));"]
    return "\n".join(body) + "\n"


def js(tmp: Path) -> None:
    """mocha and node --test over the npm packages, then eslint over ramda and tsc over luxon."""
    app = tmp / "js-app"
    write_tree(app, {"package.json": '{"name": "js-app", "version": "1.0.0", "private": true}\n',
                     "test/ramda.spec.js": _ramda_suite(720), "test/luxon.test.mjs": _luxon_suite(640)})
    (app / "node_modules").symlink_to(JS / "node_modules")
    cap("mocha-ramda-spec", "npx mocha test/ramda.spec.js 2>&1", app, n_mocha)
    cap("node-test-luxon", "node --test --test-reporter=spec test/ 2>&1", app, n_node_test)
    ramda = tmp / "ramda"
    run(f"cp -r {JS}/node_modules/ramda/src {ramda}")
    write_tree(ramda, {"eslint.config.mjs": "import js from '@eslint/js';\nexport default [js.configs.all, "
                       "{languageOptions: {sourceType: 'module', ecmaVersion: 2022}}];\n"})
    (ramda / "node_modules").symlink_to(JS / "node_modules")
    cap("eslint-all-ramda", "npx eslint . 2>&1 | head -n 1400", ramda, n_eslint)
    luxon = tmp / "luxon"
    run(f"cp -r {JS}/node_modules/luxon/src {luxon}")
    (luxon / "node_modules").symlink_to(JS / "node_modules")
    cap("tsc-checkjs-luxon", "npx tsc --allowJs --checkJs --noEmit --strict --target es2020 --module esnext "
        "--moduleResolution bundler $(find . -name '*.js' -not -path './node_modules/*') 2>&1", luxon, n_tsc)


def lint(tmp: Path) -> None:
    """Linters and the type checker over whole packages as shipped."""
    cap("ruff-select-all-parso", "ruff check --no-cache --select ALL --output-format concise parso 2>&1 | head -n 1500",
        tmp / PARSO, n_ruff)
    cap("ruff-select-all-marshmallow", "ruff check --no-cache --select ALL src 2>&1 | tail -n 1500", tmp / MARSH,
        n_ruff)
    cap("pylint-parso", "pylint parso 2>&1 | tail -n 1500", tmp / PARSO, n_pylint)
    cap_cut("oc-mypy-strict-parso", "mypy --strict --no-incremental parso 2>&1", tmp / PARSO, n_mypy)
    cap("mypy-strict-marshmallow", "mypy --strict --no-incremental src/marshmallow tests 2>&1", tmp / MARSH, n_mypy)
    cap("flake8-parso", "flake8 --max-line-length 88 parso test 2>&1", tmp / PARSO, n_flake8)
    cap("shellcheck-usr-bin", "shellcheck $(grep -l '^#! */bin/sh' /usr/bin/* | head -n 40) 2>&1 | head -n 2000",
        tmp, n_shellcheck)


MAKEFILE = f"""CC ?= gcc
CFLAGS ?= -O2 -Wall -Wextra
INC = -I{PY_INC} -Ibitarray
SRCS = bitarray/_bitarray.c bitarray/_util.c pyrsistent/pvectorcmodule.c ujson/encode.c ujson/decode.c ujson/ujson.c
OBJS = $(patsubst %.c,build/%.o,$(SRCS))

all: $(OBJS)

build/%.o: %.c
\t@mkdir -p $(dir $@)
\t$(CC) $(CFLAGS) -fPIC $(INC) -c $< -o $@
"""


def build(tmp: Path) -> None:
    """gcc and make over real C extension sources with warnings turned up, pip building an sdist verbosely."""
    cap("gcc-wextra-bitarray", f"gcc -Wall -Wextra -Wconversion -Wsign-conversion -Wshadow -fsyntax-only "
        f"-I{PY_INC} bitarray/_bitarray.c bitarray/_util.c 2>&1", tmp / BITA, n_gcc_many)
    cext = tmp / "cext"
    write_tree(cext, {"Makefile": MAKEFILE})
    run(f"cp -r {tmp / BITA / 'bitarray'} {cext}/ && mkdir -p {cext}/pyrsistent && cp {tmp / PYRS}/pvectorcmodule.c "
        f"{cext}/pyrsistent/ && cp -r {tmp / UJSON}/src/ujson {cext}/ && cp -r {tmp / UJSON}/lib {cext}/")
    cap("make-k-cext", "make -k CFLAGS='-O2 -Wall -Wextra -Wconversion -Wcast-qual -Wpedantic' 2>&1", cext, n_make)
    venv = tmp / "build-venv"
    run(f"python3 -m venv {venv}", timeout=120)
    env = {**PIP_ENV, "CFLAGS": "-Wall -Wextra -Wconversion", "PATH": f"{venv}/bin:/usr/bin:/bin"}
    run(f"{venv}/bin/pip install -q setuptools wheel", env=env, timeout=300)
    cap("pip-install-v-bitarray", f"pip install -v --no-build-isolation ./{BITA} 2>&1", tmp, n_pip_wheel, env=env)
    cap("pip-wheel-v-pyrsistent", f"pip wheel -v --no-deps -w dist ./{PYRS} 2>&1", tmp, n_pip_wheel, env=env)


GO_PKGS = ["encoding/csv", "text/tabwriter", "container/list", "container/ring", "html", "bufio"]


def go(tmp: Path) -> None:
    """go test -v ./... over a module made of copies of standard library packages, two of them broken."""
    mod = tmp / "stdcopy"
    mod.mkdir()
    goroot = subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True).stdout.strip()
    for p in GO_PKGS:
        run(f"mkdir -p {p} && cp {goroot}/src/{p}/*.go {p}/", cwd=mod)
    run("go mod init example.com/stdcopy", cwd=mod)
    # the copies' tests that import the originals by path would test the originals: import the copies
    run("grep -rl '\"encoding/csv\"\\|\"text/tabwriter\"\\|\"container/list\"\\|\"container/ring\"\\|\"bufio\"' "
        "--include='*_test.go' . | xargs -r sed -i -e 's#\"encoding/csv\"#\"example.com/stdcopy/encoding/csv\"#' "
        "-e 's#\"text/tabwriter\"#\"example.com/stdcopy/text/tabwriter\"#' "
        "-e 's#\"container/list\"#\"example.com/stdcopy/container/list\"#' "
        "-e 's#\"container/ring\"#\"example.com/stdcopy/container/ring\"#' "
        "-e 's#\"bufio\"#\"example.com/stdcopy/bufio\"#'", cwd=mod)
    patch(mod / "encoding/csv/reader.go", "if r.Comma == r.Comment", "if r.Comma == r.Comment && r.Comma != ','")
    patch(mod / "text/tabwriter/tabwriter.go", "width := b.minwidth", "width := b.minwidth + 1")
    cap("go-test-v-stdcopy", "go test -v ./... 2>&1 | tail -n 1800", mod, n_go_test,
        env={"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOCACHE": str(tmp / "gocache")})


STEPS = [tests, js, lint, build, go]
