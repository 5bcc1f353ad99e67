"""Round 9a, JavaScript half: the suites of real npm packages' functions (validator, lodash, date-fns, ms)
run by jest (default and --verbose), vitest (default and verbose), mocha (spec and dot) and node --test, each
against a vendored copy of the package broken by a named source edit, with the expectations computed from the
pristine package (so the failures are the edit's, wherever its cases sit in the run); eslint with a strict
config and tsc --checkJs on real package sources; npm view --json, package-lock.json and npm ls of real
installs. Run through capture_wide9a.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from capture_data import needles_npm_ls, needles_npm_view, needles_package_lock
from capture_diagnostics import needles_mocha, needles_node_test
from capture_more import add_or_skip as add
from capture_more import have, run
from capture_wide6 import js_proj, reuse, text_rule
from capture_wide7_more import first, n_eslint, n_jest, n_tsc, n_vitest
from capture_wide9a import COLOR, TOOLS, patch

NM = TOOLS / "js" / "node_modules"
n_mocha = reuse("mocha", "test", needles_mocha, first(needles_mocha))
n_node_test = reuse("node-test-spec", "test", needles_node_test, first(needles_node_test))
n_npm_view = reuse("npm-view-json", "pkg", text_rule(needles_npm_view), first(needles_npm_view))
n_lock = reuse("package-lock", "pkg", text_rule(needles_package_lock), first(needles_package_lock))
n_npm_ls = reuse("npm-ls", "pkg", text_rule(needles_npm_ls), first(needles_npm_ls))

# ================================================================== cases: (suite, title, JS expression over `lib`)

HEX = ["#fff", "#FFF0", "abc", "#12345", "#a1b2c3", "a1b2c3d4", "#ggg", "#0f0f", "123", "#1234567", "#AbCdEf", "fff0"]
SEMVER = ["1.0.0", "1.2.3-alpha.1", "0.0.0+build.7", "01.2.3", "1.2", "2.0.0-rc.1+sha.5114f85", "1.2.3-", "10.20.30",
          "1.0.0-alpha..1", "1.1.2+meta-valid", "99999999999999999999999.999999999999999999.99999999999999999"]
EMAILS = ["ada@example.org", "a.b+tag@sub.example.co.uk", "bad@", "@bad.org", "x@y", "quoted\"@example.org",
          "dots..dots@example.org", "user@[127.0.0.1]", "üñí@example.org", "a@b.c", "long" * 20 + "@example.org"]
IPS = ["127.0.0.1", "256.1.1.1", "::1", "fe80::1%eth0", "1.2.3", "2001:db8::ff00:42:8329", "0.0.0.0", "01.2.3.4",
       "::ffff:192.168.1.1", "1:2:3:4:5:6:7:8:9"]
URLS = ["http://example.org", "https://a.b/c?d=e#f", "ftp://files.example.org/x", "example.org", "http://localhost:8080",
        "javascript:alert(1)", "http://[::1]:3000/", "https://exa mple.org", "//cdn.example.org/x.js", "http://-bad-.org"]
MISC = {"isUUID": ["550e8400-e29b-41d4-a716-446655440000", "550e8400e29b41d4a716446655440000", "not-a-uuid",
                   "00000000-0000-0000-0000-000000000000"],
        "isISO8601": ["2025-11-30", "2025-11-30T12:00:00Z", "2025-13-01", "2025-02-29", "20251130", "2025-W48-1"],
        "isJWT": ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "a.b", "a.b.c.d"],
        "isSlug": ["hello-world", "Hello-World", "hello--world", "-hello", "hello_world"],
        "isBase64": ["aGVsbG8=", "aGVsbG8", "a===", "", "Zm9vYmFy"],
        "isMACAddress": ["00:1A:2B:3C:4D:5E", "00-1A-2B-3C-4D-5E", "001A.2B3C.4D5E", "00:1A:2B:3C:4D"],
        "isPort": ["0", "80", "65535", "65536", "-1"], "isCreditCard": ["4111111111111111", "4111111111111112", "5500 0000 0000 0004"]}


def validator_cases() -> dict[str, list[tuple[str, str]]]:
    suites = {"isHexColor": HEX, "isSemVer": SEMVER, "isEmail": EMAILS, "isIP": IPS, "isURL": URLS, **MISC}
    out: dict[str, list[tuple[str, str]]] = {}
    for fn, inputs in suites.items():
        cases = [(f"{fn}({json.dumps(s)})", f"lib.{fn}({json.dumps(s)})") for s in inputs]
        if fn == "isHexColor":
            cases += [(f"isHexColor({json.dumps(s)}, require_hashtag)", f"lib.isHexColor({json.dumps(s)}, {{require_hashtag: true}})")
                      for s in inputs]
        if fn == "isIP":
            cases += [(f"isIP({json.dumps(s)}, {v})", f"lib.isIP({json.dumps(s)}, {v})") for s in inputs for v in (4, 6)]
        out[fn] = cases
    return out


def lodash_cases() -> dict[str, list[tuple[str, str]]]:
    words = ["fooBar", "__FOO_BAR__", "foo bar baz", "XMLHttpRequest", "déjà vu", "2nd place", "already-kebab", "HTTP2Server"]
    out = {name: [(f"{name}({json.dumps(w)})", f"lib.{name}({json.dumps(w)})") for w in words]
           for name in ("camelCase", "kebabCase", "snakeCase", "startCase", "upperFirst", "deburr")}
    out["chunk"] = [(f"chunk(range({n}), {k})", f"lib.chunk(lib.range({n}), {k})") for n in (0, 1, 5, 8, 13) for k in (1, 2, 3, 4, 5)]
    out["padStart"] = [(f"padStart('{s}', {n}, '0')", f"lib.padStart('{s}', {n}, '0')") for s in ("7", "42", "abc") for n in (2, 4, 6)]
    out["groupBy"] = [(f"groupBy(range({n}), mod {m})", f"lib.groupBy(lib.range({n}), x => x % {m})") for n in (4, 9) for m in (2, 3)]
    out["uniqBy"] = [(f"uniqBy floor {k}", f"lib.uniqBy([2.1, 1.2, 2.3, {k}.5, 1.9], Math.floor)") for k in range(5)]
    return out


def datefns_cases() -> dict[str, list[tuple[str, str]]]:
    days = ["2024-02-28", "2024-12-31", "2025-01-31", "2025-03-30", "2025-06-15", "2023-02-28"]
    out = {"addDays": [(f"addDays({d}, {n})", f"lib.format(lib.addDays(new Date('{d}T12:00:00'), {n}), 'yyyy-MM-dd')")
                       for d in days for n in (1, 30, -1, 365)],
           "isLeapYear": [(f"isLeapYear({y})", f"lib.isLeapYear(new Date({y}, 5, 1))") for y in (1900, 2000, 2023, 2024, 2100, 2400)],
           "format": [(f"format({d}, '{p}')", f"lib.format(new Date('{d}T08:05:09'), {json.dumps(p)})") for d in days[:3]
                      for p in ("yyyy-MM-dd", "EEEE do MMMM", "QQQ yy", "h:mm a", "'week' I")],
           "differenceInCalendarDays": [(f"differenceInCalendarDays({a}, {b})", f"lib.differenceInCalendarDays(new Date('{a}'), new Date('{b}'))")
                                        for a in days for b in days[:3]]}
    return out


def ms_cases() -> dict[str, list[tuple[str, str]]]:
    strs = ["100", "1s", "1.5h", "2 days", "-3m", "1y", "10 hrs", "abc", "53 weeks", ".5d", "1 minute", "120000ms"]
    nums = [0, 999, 1000, 59999, 60000, 3600000, 86400000, 172800000, -5400000]
    return {"parse": [(f"ms({json.dumps(s)})", f"lib({json.dumps(s)})") for s in strs],
            "format": [(f"ms({n})", f"lib({n})") for n in nums],
            "long": [(f"ms({n}, long)", f"lib({n}, {{ long: true }})") for n in nums]}


def expected(lib_dir: Path, cases: dict, cwd: Path) -> dict:
    """The pristine package's answer to every case (the tests' expectations)."""
    exprs = [e for cs in cases.values() for _, e in cs]
    script = (f"const lib = require({json.dumps(str(lib_dir))});\nconst out = [];\n"
              + "".join(f"try {{ out.push({e}); }} catch (e) {{ out.push('throws'); }}\n" for e in exprs)
              + "console.log(JSON.stringify(out));\n")
    (cwd / "expect.js").write_text(script)
    vals = json.loads(run("node expect.js", cwd=cwd))
    (cwd / "expect.js").unlink()
    return dict(zip(exprs, vals))


def test_files(style: str, lib_path: str, cases: dict, exp: dict) -> dict[str, str]:
    """One test file per suite in the framework's own idiom."""
    heads = {"jest": f"const lib = require({json.dumps(lib_path)});\n",
             "vitest": f"import {{ describe, it, expect }} from 'vitest';\nimport {{ createRequire }} from 'node:module';\n"
                       f"const lib = createRequire(import.meta.url)({json.dumps(lib_path)});\n",
             "mocha": f"const assert = require('node:assert');\nconst lib = require({json.dumps(lib_path)});\n",
             "node": f"const {{ describe, it }} = require('node:test');\nconst assert = require('node:assert');\n"
                     f"const lib = require({json.dumps(lib_path)});\n"}
    files = {}
    for suite, cs in cases.items():
        body = ""
        for title, e in cs:
            want = json.dumps(exp[e])
            check = (f"expect({e}).toEqual({want})" if style in ("jest", "vitest")
                     else f"assert.deepStrictEqual({e}, {want})")
            if exp[e] == "throws":
                check = (f"expect(() => {e}).toThrow()" if style in ("jest", "vitest") else f"assert.throws(() => {e})")
            body += f"  it({json.dumps(title)}, () => {{ {check}; }});\n"
        files[suite] = heads[style] + f"describe({json.dumps(suite)}, () => {{\n{body}}});\n"
    return files


def vendor(pkg: str, root: Path, edits: list[tuple[str, str, str]]) -> Path:
    """A copy of the real package under vendor/, broken by `edits` (file, old, new)."""
    dst = root / "vendor" / pkg
    shutil.copytree(NM / pkg, dst)
    for rel, old, new in edits:
        patch(dst / rel, old, new)
    return dst


VALIDATOR_EDITS = [("lib/isHexColor.js", "[0-9A-F]{3}|[0-9A-F]{4}|", "[0-9A-F]{3}|"),
                   ("lib/isPort.js", "max: 65535", "max: 65536")]
LODASH_EDITS = [("lodash.js", "return result + (index ? '-' : '') + word.toLowerCase();", "return result + (index ? '-' : '') + word;"),
                ("lodash.js", "size = nativeMax(toInteger(size), 0);", "size = nativeMax(toInteger(size), 0) + (size === 3 ? 1 : 0);")]
DATEFNS_EDITS = [("isLeapYear.cjs", "year % 400 === 0 || ", "")]
MS_EDITS = [("index.js", "var y = d * 365.25;", "var y = d * 365;")]


def suite_proj(root: Path, style: str, packs: list[tuple[str, list, dict]], ext: str, test_dir: str) -> Path:
    """A project whose tests exercise vendored, broken copies of real packages: packs = (pkg, edits, cases)."""
    root.mkdir(parents=True)
    files: dict[str, str] = {}
    for pkg, edits, cases in packs:
        exp = expected(NM / pkg, cases, root)
        main = json.loads((NM / pkg / "package.json").read_text())["main"].removeprefix("./")
        vendor(pkg, root, edits)
        lib = f"../vendor/{pkg}/{main}" + ("" if main.endswith(("js", "cjs")) else ".js")
        for name, body in test_files(style, lib, cases, exp).items():
            files[f"{test_dir}/{pkg}-{name}.{ext}"] = body
    return js_proj(root, files)


def cap_js_tests(tmp: Path) -> None:
    if not have("node", "jest"):
        return
    packs = [("ms", [], ms_cases()), ("validator", VALIDATOR_EDITS, validator_cases()), ("lodash", [], lodash_cases())]
    d = suite_proj(tmp / "jest-validator", "jest", packs, "test.js", "__tests__")
    add("jest-verbose-validator-two-breaks", "npx jest --ci --verbose", run("npx jest --ci --verbose", cwd=d, timeout=300), n_jest)
    add("jest-default-color-validator", "FORCE_COLOR=1 npx jest", run("npx jest", cwd=d, env={**COLOR, "CI": None}, timeout=300), n_jest)
    packs = [("date-fns", [], datefns_cases()), ("lodash", LODASH_EDITS, lodash_cases()), ("validator", [], validator_cases())]
    d = suite_proj(tmp / "vitest-lodash", "vitest", packs, "test.mjs", "test")
    add("vitest-verbose-lodash", "npx vitest run --reporter=verbose", run("npx vitest run --reporter=verbose", cwd=d, timeout=300), n_vitest)
    add("vitest-default-color-lodash", "FORCE_COLOR=1 npx vitest run", run("npx vitest run", cwd=d, env=COLOR, timeout=300), n_vitest)
    packs = [("validator", [], validator_cases()), ("date-fns", DATEFNS_EDITS, datefns_cases()), ("ms", [], ms_cases())]
    d = suite_proj(tmp / "mocha-datefns", "mocha", packs, "spec.js", "test")
    add("mocha-spec-date-fns", "npx mocha 'test/*.spec.js'", run("npx mocha 'test/*.spec.js'", cwd=d, timeout=300), n_mocha)
    add("mocha-dot-date-fns", "npx mocha --reporter dot 'test/*.spec.js'",
        run("npx mocha --reporter dot 'test/*.spec.js'", cwd=d, timeout=300), n_mocha)
    d = suite_proj(tmp / "nodetest-ms", "node", [("lodash", [], lodash_cases()), ("ms", MS_EDITS, ms_cases())], "test.js", "test")
    add("node-test-spec-ms", "node --test --test-reporter=spec test/", run("node --test --test-reporter=spec test/", cwd=d, timeout=300),
        n_node_test)


ESLINT_STRICT = """
const js = require("@eslint/js");
const globals = require("globals");
module.exports = [
  js.configs.all,
  { languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "one-var": "off", "no-magic-numbers": "off", "sort-keys": "off", "func-style": "off", "id-length": "off",
             "no-ternary": "off", "capitalized-comments": "off", "max-statements": ["warn", 25], "complexity": ["error", 10],
             "no-plusplus": "warn", "prefer-destructuring": "warn", "func-names": "warn", "max-params": ["warn", 3] } },
];
"""


def cap_js_lint(tmp: Path) -> None:
    if not have("node", "eslint"):
        return
    d = js_proj(tmp / "eslint-express", {"eslint.config.js": ESLINT_STRICT})
    shutil.copytree(NM / "express" / "lib", d / "lib")
    add("eslint-all-express-router", "npx eslint lib/router lib/view.js (js.configs.all)",
        run("npx eslint lib/router lib/view.js", cwd=d, timeout=300), n_eslint)
    d = js_proj(tmp / "eslint-qs", {"eslint.config.js": ESLINT_STRICT})
    shutil.copytree(NM / "qs" / "lib", d / "lib")
    add("eslint-all-stylish-color-qs-utils", "FORCE_COLOR=1 npx eslint lib/utils.js lib/formats.js",
        run("npx eslint lib/utils.js lib/formats.js", cwd=d, env=COLOR, timeout=300), n_eslint)
    (tmp / "tsc-commander").mkdir()
    (tmp / "tsc-ms-qs").mkdir()
    d = js_proj(tmp / "tsc-commander", {})
    shutil.copytree(NM / "commander" / "lib", d / "lib")
    cmd = "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module commonjs --types node lib/*.js"
    add("tsc-checkjs-strict-commander", cmd, run(cmd, cwd=d, timeout=300), n_tsc)
    d = js_proj(tmp / "tsc-ms-qs", {})
    for pkg in ("ms", "qs"):
        shutil.copytree(NM / pkg, d / "src" / pkg)
    cmd = "npx tsc --noEmit --allowJs --checkJs --noImplicitAny --pretty false --target es2020 --module commonjs src/qs/lib/*.js src/ms/index.js"
    out = run(cmd, cwd=d, timeout=300)
    add("tsc-checkjs-pretty-false-qs-ms", cmd, out, n_tsc)
    if len(out) < 300:
        print(out)


def cap_npm(tmp: Path) -> None:
    if not have("npm", "npm-*"):
        return
    for pkg in ("validator", "commander", "express", "qs"):
        add(f"npm-view-json-{pkg}", f"npm view {pkg} --json", run(f"npm view {pkg} --json", cwd=tmp, timeout=120), n_npm_view)
    d = tmp / "api-server"
    d.mkdir()
    (d / "package.json").write_text(json.dumps({"name": "api-server", "version": "0.4.0", "private": True,
                                                "dependencies": {"express": "^4.19.0", "qs": "^6.12.0", "ms": "^2.1.3"},
                                                "devDependencies": {"validator": "^13.11.0"}}, indent=2))
    run("npm install --no-audit --no-fund --loglevel=error", cwd=d, timeout=300)
    add("package-lock-api-server", "cat package-lock.json", run("cat package-lock.json", cwd=d), n_lock)
    run("rm -rf node_modules/qs node_modules/debug", cwd=d)
    add("npm-ls-all-api-server-missing", "npm ls --all", run("npm ls --all", cwd=d), n_npm_ls)
    add("package-lock-w9a-tools", "cat package-lock.json (lodash, date-fns, validator, express …)",
        run("cat package-lock.json", cwd=TOOLS / "js"), n_lock)


STEPS = [cap_js_tests, cap_js_lint, cap_npm]
