"""Round 51: CI report formats written by npm tools. The project (`lockerbay`, a parcel-locker allocator with bugs put
in, widened by seeded generated modules, tests and stylesheets) and each kind's extractor, applying its rule in
NEEDLES.md's "Round 51" section. Run through capture_wide51.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, n_stylelint, write_tree
from capture_wide15_js import n_jest, n_mocha
from capture_wide47_ci import _exit
from capture_wide51 import TMP, TOOLS, cap

# ------------------------------------------------------------------ the project

LOCKERS = """'use strict';
const SIZES = { S: 1, M: 2, L: 4, XL: 8 };

function slotsFor(size) {
  return SIZES[size];  // bug: an unknown size gives undefined, not an error
}

function allocate(bank, parcel) {
  const need = slotsFor(parcel.size);
  for (let i = 0; i < bank.length; i++) {
    const run = bank.slice(i, i + need);
    if (run.length == need && run.every((s) => s === null)) {
      for (let k = i; k < i + need; k++) bank[k] = parcel.id;
      return i;
    }
  }
  return -1;
}

function release(bank, id) {
  let freed = 0;
  for (let i = 0; i < bank.length; i++) {
    if (bank[i] === id) { bank[i] = null; freed++; break; }  // bug: frees only the first slot
  }
  return freed;
}

function occupancy(bank) {
  const used = bank.filter((s) => s !== null).length;
  return Math.round(used / bank.length * 100) / 100;
}

function pickupCode(id, day) {
  var code = ((id * 7919 + day * 31) % 1000000).toString();
  return code.padStart(6, '0');
}

function overdue(parcels, today) {
  return parcels.filter((p) => today - p.day > 3);  // bug: day 3 itself is overdue already
}

module.exports = { SIZES, slotsFor, allocate, release, occupancy, pickupCode, overdue };
"""

LOCKERS_TEST = """const L = require('../src/lockers');

describe('allocate', () => {
  test('places a small parcel in the first free slot', () => {
    const bank = [null, null, null];
    expect(L.allocate(bank, { id: 5, size: 'S' })).toBe(0);
  });
  test('a large parcel takes four adjacent slots', () => {
    const bank = Array(6).fill(null);
    L.allocate(bank, { id: 9, size: 'L' });
    expect(bank).toEqual([9, 9, 9, 9, null, null]);
  });
  test('rejects an unknown size', () => {
    expect(() => L.allocate(Array(4).fill(null), { id: 1, size: 'XXL' })).toThrow('unknown size XXL');
  });
});

describe('release', () => {
  test('frees every slot of a parcel', () => {
    const bank = [3, 3, null, 4];
    expect(L.release(bank, 3)).toBe(2);
    expect(bank).toEqual([null, null, null, 4]);
  });
});

describe('pickup and overdue', () => {
  test('pickup codes have six digits', () => {
    expect(L.pickupCode(12, 4)).toHaveLength(6);
  });
  test('a parcel left three days is overdue', () => {
    const due = L.overdue([{ id: 1, day: 10 }, { id: 2, day: 12 }], 13);
    expect(due.map((p) => p.id)).toEqual([1]);
  });
  test('occupancy is a fraction', () => {
    expect(L.occupancy([1, null, null])).toBeCloseTo(0.333, 3);
  });
});
"""

ESLINTRC = json.dumps({
    "root": True, "env": {"node": True, "es2022": True, "jest": True, "mocha": True},
    "parserOptions": {"ecmaVersion": 2022, "sourceType": "script"},
    "extends": "eslint:recommended",
    "rules": {"eqeqeq": "error", "no-var": "warn", "prefer-const": "warn", "no-shadow": "warn",
              "consistent-return": "error", "no-unused-vars": "error", "curly": "warn"},
}, indent=2)

STYLELINTRC = json.dumps({"extends": "stylelint-config-standard"}, indent=2)


def gen_module(rng: random.Random, i: int) -> tuple[str, str, str, str]:
    """A generated tariff module, its jest test, its mocha spec and its tape test: some functions carry a bug (off by
    one, a wrong operator) and some lint findings (an unused variable, `==`, `var`, a shadowed name)."""
    names = [f"tariff{i}_{j}" for j in range(rng.randint(4, 7))]
    src, jt, mt, tt = ["'use strict';\n"], [f"const M = require('../src/tariff{i}');\n\ndescribe('tariff{i}', () => {{\n"], \
        [f"const assert = require('assert');\nconst M = require('../src/tariff{i}');\n\ndescribe('tariff{i}', function () {{\n"], \
        [f"const test = require('tape');\nconst M = require('../src/tariff{i}');\n\n"]
    for name in names:
        rate, base = rng.randint(2, 9), rng.randint(10, 90)
        bug = rng.random() < 0.3
        lint = rng.choice(["", "", "unused", "eqeq", "var", "shadow", "noreturn"])
        body = []
        if lint == "unused":
            body.append(f"  const fee{rate} = {base} * 2;")
        if lint == "var":
            body.append(f"  var total = {base};")
        else:
            body.append(f"  let total = {base};")
        if lint == "shadow":
            body.append("  [1, 2].forEach((total) => { void total; });")
        if lint == "eqeq":
            body.append("  if (hours == 0) return 0;")
        if lint == "noreturn":
            body.append("  if (hours < 0) return;")
        body.append(f"  total += hours * {rate}{' + 1' if bug else ''};")
        body.append("  return total;")
        src.append(f"function {name}(hours) {{\n" + "\n".join(body) + "\n}\n")
        h = rng.randint(1, 48)
        want = base + h * rate
        jt.append(f"  test('{name} charges {rate} per hour over {h}h', () => {{\n"
                  f"    expect(M.{name}({h})).toBe({want});\n  }});\n")
        mt.append(f"  it('{name} charges {rate} per hour over {h}h', function () {{\n"
                  f"    assert.strictEqual(M.{name}({h}), {want});\n  }});\n")
        tt.append(f"test('{name} over {h}h', (t) => {{\n  t.equal(M.{name}({h}), {want}, '{name}({h}) is {want}');\n"
                  f"  t.ok(M.{name}(0) >= 0, 'never negative');\n  t.end();\n}});\n\n")
    if rng.random() < 0.6:  # a waiver rule no test reaches: uncovered lines and branches
        names.append(f"waive{i}")
        src.append(f"function waive{i}(code, hours) {{\n  if (code === 'STAFF') return 0;\n"
                   f"  if (code === 'LATE' && hours > {rng.randint(2, 9)}) {{\n    return hours * {rng.randint(1, 5)};\n  }}\n"
                   "  return hours;\n}\n")
    src.append(f"module.exports = {{ {', '.join(names)} }};\n")
    jt.append("});\n")
    mt.append("});\n")
    return "\n".join(src), "".join(jt), "".join(mt), "".join(tt)


def gen_css(rng: random.Random, i: int) -> str:
    """A generated stylesheet with findings put in (hex case and length, a duplicate property, an unknown unit, a
    named colour, an empty block, a long selector)."""
    out = []
    for j in range(rng.randint(6, 12)):
        sel = rng.choice([f".locker-{i}-{j}", f"#bay{i} .slot-{j}", f".panel{j} > .door", f"div.row{j} span"])
        props = [f"  margin: {rng.randint(0, 20)}px;"]
        pick = rng.choice(["hex", "dup", "unit", "empty", "longhex", "ok", "ok", "zero"])
        if pick == "hex":
            props.append(f"  color: #{rng.choice(['FFF', 'ABCDEF', 'A1B2C3'])};")
        elif pick == "dup":
            props += ["  padding: 4px;", "  padding: 6px;"]
        elif pick == "unit":
            props.append(f"  width: {rng.randint(10, 90)}pixels;")
        elif pick == "empty":
            props = []
        elif pick == "longhex":
            props.append("  background: #ffffff;")
        elif pick == "zero":
            props.append("  border: 0px solid;")
        out.append(f"{sel} {{\n" + "\n".join(props) + ("\n" if props else "") + "}\n")
    return "\n".join(out)


def write_project(root: Path, seed: int = 51, modules: int = 14) -> Path:
    rng = random.Random(seed)
    files = {"src/lockers.js": LOCKERS, "test/lockers.test.js": LOCKERS_TEST, ".eslintrc.json": ESLINTRC,
             ".stylelintrc.json": STYLELINTRC,
             "package.json": json.dumps({"name": "lockerbay", "version": "0.4.2", "private": True,
                                         "jest": {"testMatch": ["<rootDir>/test/**/*.test.js"]}}, indent=2),
             "src/broken.js": "'use strict';\nfunction route(a, b {\n  return a + b;\n}\nmodule.exports = { route };\n",
             "tap/lockers.js": "const test = require('tape');\nconst L = require('../src/lockers');\n\n"
                               "test('release frees all slots', (t) => {\n  const bank = [3, 3, null];\n"
                               "  t.equal(L.release(bank, 3), 2, 'two slots freed');\n"
                               "  t.deepEqual(bank, [null, null, null], 'bank empty');\n  t.end();\n});\n\n"
                               "test('unknown size', (t) => {\n  t.throws(() => L.allocate([null], { id: 1, size: 'Q' }),"
                               " /unknown size/, 'throws on unknown size');\n  t.end();\n});\n"}
    for i in range(modules):
        s, j, m, t = gen_module(rng, i)
        files[f"src/tariff{i}.js"] = s
        files[f"test/tariff{i}.test.js"] = j
        files[f"mtest/tariff{i}.spec.js"] = m
        files[f"tap/tariff{i}.js"] = t
    for i in range(12):
        files[f"css/bay{i}.css"] = gen_css(rng, i)
    write_tree(root, files)
    (root / "node_modules").symlink_to(TOOLS / "node_modules")
    return root


# ------------------------------------------------------------------ extractors (NEEDLES.md, "Round 51")

def _present(lines, frags):
    """the fragments of one-line JSON/XML that occur on a line (a fragment the clean-up changed is dropped)."""
    return [f for f in frags if f and any(f[:200].strip() in ln for ln in lines)]


def _js(s: str) -> str:
    """a string as JSON.stringify writes it."""
    return json.dumps(s, ensure_ascii=False)


def _json_line(lines, start: str):
    for ln in lines:
        if ln.startswith(start):  # raw_decode: an `; echo EXIT=$?` after JSON printed without a newline joins its line
            return json.JSONDecoder().raw_decode(ln)[0]
    raise ValueError(f"no JSON line starting {start!r}")


def _jest_json(lines):
    d = _json_line(lines, '{"num')
    frags = [f'"numFailedTests":{d["numFailedTests"]}', f'"numTotalTests":{d["numTotalTests"]}']
    for suite in d["testResults"]:
        for a in suite["assertionResults"]:
            if a["status"] == "failed":
                frags.append('"fullName":' + _js(a["fullName"]))
                if a.get("failureMessages"):
                    frags.append(('"failureMessages":[' + _js(a["failureMessages"][0]))[:150])
        if suite.get("status") == "failed" and not suite["assertionResults"] and suite.get("message"):
            frags.append(('"message":' + _js(suite["message"]))[:150])
    return _present(lines, frags)


@kind("jest-json", "test")
def n_jest_json(lines):
    """the one-line JSON's `"numFailedTests":N`, `"numTotalTests":N`, each failed `"fullName":"…"` and its first `"failureMessages":["…` (150 chars); jest's own stderr lines by the `jest` rule."""
    return _jest_json(lines) + n_jest(lines) + _exit(lines)


@kind("jest-json-file", "test")
def n_jest_json_file(lines):
    """`cat` of jest's --outputFile JSON: `"numFailedTests":N`, `"numTotalTests":N`, each failed `"fullName":"…"` and its first `"failureMessages":["…` (150 chars)."""
    return _jest_json(lines) + n_jest(lines) + _exit(lines)


def _junit(lines):
    out = [ln for ln in lines if re.search(r"<testsuites?\s[^>]*\b(tests|failures)=", ln)]
    for i, ln in enumerate(lines):
        if "<testcase " not in ln:
            continue
        if re.search(r"<(failure|error)\b", ln[ln.rfind("<testcase "):]):
            out.append(ln)
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.search(r"<(failure|error)\b", nxt):
            out += [ln, nxt]
            if re.fullmatch(r"\s*<(failure|error)>\s*", nxt):  # the body starts on the lines after: its first line
                for b in lines[i + 2:i + 8]:
                    if b.strip() and b.strip() != "---":
                        out.append(b)
                        break
    return out + _exit(lines)


_JUNIT_DOC = "every `<testcase>` line holding or followed by a `<failure`/`<error`, that failure's first line; every `<testsuite(s)>` line with counts."
n_jest_junit = kind("jest-junit", "test")(lambda lines: _junit(lines))
n_mocha_junit = kind("mocha-junit-reporter", "test")(lambda lines: _junit(lines))
n_tap_junit = kind("tap-junit", "test")(lambda lines: _junit(lines))
n_tap_xunit = kind("tap-xunit", "test")(lambda lines: _junit(lines))
for _f in (n_jest_junit, n_mocha_junit, n_tap_junit, n_tap_xunit):
    _f.__doc__ = _JUNIT_DOC

COV_TEXT = re.compile(r"^(Statements|Branches|Functions|Lines)\s+:")


def _cov_text(lines):
    return [ln for ln in lines if COV_TEXT.match(ln)] + _exit(lines)


@kind("jest-coverage-text-summary", "test")
def n_jest_cov_text(lines):
    """the four total lines (`Statements :`, `Branches :`, `Functions :`, `Lines :`); jest's failures and counts by the `jest` rule."""
    return _cov_text(lines) + n_jest(lines)


@kind("c8-text-summary", "test")
def n_c8_text(lines):
    """the four total lines (`Statements :`, `Branches :`, `Functions :`, `Lines :`); the test run's own failures and counts by its runner's rule."""
    return _cov_text(lines) + n_mocha(lines)


@kind("nyc-text-summary", "test")
def n_nyc_text(lines):
    """the four total lines (`Statements :`, `Branches :`, `Functions :`, `Lines :`); the test run's own failures and counts by its runner's rule."""
    return _cov_text(lines) + n_mocha(lines)


def _cov_json(lines):
    out = [ln for ln in lines if ln.startswith('{"total":')]
    rows = []
    for ln in lines:
        m = re.match(r'^,?"([^"]+)": \{"lines":\{"total":\d+,"covered":\d+,"skipped":\d+,"pct":([\d.]+)', ln)
        if m:
            rows.append((float(m.group(2)), ln))
    if rows:
        low = min(p for p, _ in rows)
        out.append(any_of(ln for p, ln in rows if p == low))
    return out + _exit(lines)


@kind("jest-coverage-json-summary", "json")
def n_jest_cov_json(lines):
    """the `"total"` record's line and the line(s) of the file(s) of lowest lines `pct` (one {"any"})."""
    return _cov_json(lines)


@kind("c8-json-summary", "json")
def n_c8_cov_json(lines):
    """the `"total"` record's line and the line(s) of the file(s) of lowest lines `pct` (one {"any"})."""
    return _cov_json(lines)


@kind("mocha-json-stream", "test")
def n_mocha_json_stream(lines):
    """every `["fail",…]` line and the `["end",…]` stats line."""
    return [ln for ln in lines if ln.startswith(('["fail"', '["end"'))] + _exit(lines)


def _tap_report(lines, failed, totals):
    out = []
    for i, ln in enumerate(lines):
        if failed(ln):
            out.append(ln)
            after = []
            for b in lines[i + 1:i + 9]:
                if failed(b):
                    break
                after.append(b)
            vals = [b for b in after if re.match(r"^\s*(expected|actual):", b)] or \
                [b for b in after if re.match(r"^\s*operator:", b)]
            out += vals[:1]
        elif totals(ln):
            out.append(ln)
    return out + _exit(lines)


@kind("tap-spec", "test")
def n_tap_spec(lines):
    """every `✖` failed-assertion line and the first expected/actual (else operator) line after it; the `total:`/`passing:`/`failing:` lines."""
    return _tap_report(lines, lambda ln: ln.lstrip().startswith("✖ "),
                       lambda ln: re.match(r"^\s*(total|passing|failing):\s+\d+", ln))


@kind("tap-dot", "test")
def n_tap_dot(lines):
    """every `x name` failed-assertion line; the `N tests`/`N passed`/`N failed` lines."""
    return _tap_report(lines, lambda ln: re.match(r"^\s+x \S", ln),
                       lambda ln: re.match(r"^\s*\d+ (tests|passed|failed)\s*$", ln))


@kind("faucet", "test")
def n_faucet(lines):
    """every `not ok` and `⨯` line and the first expected/actual (else operator) line after it; the `tests`/`pass`/`fail` totals."""
    return _tap_report(lines, lambda ln: ln.lstrip().startswith(("not ok ", "⨯ ")) and not ln.startswith("⨯ fail "),
                       lambda ln: re.match(r"^(# |⨯ )?(tests|pass|fail)\s+\d+\s*$", ln))


def _esl_groups(recs):
    """ESLint findings (rule, file, needle): fatal (no rule) ones needles of their own, the rest grouped by (rule, file)."""
    out, pairs = [], []
    for rule, path, frag in recs:
        if not rule:
            out.append(frag)
        else:
            pairs.append(((rule, path), frag))
    return out + groups(pairs)


@kind("eslint-checkstyle", "lint")
def n_eslint_checkstyle(lines):
    """each finding's ` message="…" source="…"` fragment (200 chars), grouped by (source rule, `<file name>`); a fatal parse error on its own."""
    recs = []
    for ln in lines:
        for fm in re.finditer(r'<file name="([^"]*)">(.*?)</file>', ln):
            for em in re.finditer(r'<error [^>]*?( message="[^"]*" source="([^"]*)")', fm.group(2)):
                recs.append((em.group(2), fm.group(1), em.group(1)))
    return _esl_groups(recs) + _exit(lines)


@kind("eslint-html", "lint")
def n_eslint_html(lines):
    """the `N problems (X errors, Y warnings)` line if kept; each finding's message cell line, grouped by (rule, file); a fatal parse error on its own."""
    out = [ln for ln in lines if re.search(r"<span>\d+ problems? \(\d+ errors?, \d+ warnings?\)</span> - Generated", ln)]
    recs, cur = [], ""
    for i, ln in enumerate(lines):
        m = re.match(r"^\s*\[\+\] (\S+)", ln)
        if m:
            cur = m.group(1)
        if re.match(r'^\s*<td class="clr-\d">(Error|Warning)</td>', ln) and i + 1 < len(lines):
            msg = lines[i + 1]
            rule = ""
            for b in lines[i + 2:i + 5]:
                r = re.search(r'rel="noopener noreferrer">([^<]*)</a>', b)
                if r:
                    rule = r.group(1)
                    break
            recs.append((rule, cur, msg))
    return out + _esl_groups(recs) + _exit(lines)


@kind("eslint-sarif", "lint")
def n_eslint_sarif(lines):
    """each result's `"text": "…"` message line, grouped by (`ruleId`, `"uri"`); a result without a rule (a parse error) on its own."""
    d = json.loads("\n".join(ln for ln in lines if not re.match(r"^EXIT=\d+$", ln.strip())))
    recs = []
    for r in d["runs"]:
        arts = [a["location"]["uri"] for a in r.get("artifacts", [])]
        for res in r.get("results", []):
            loc = res["locations"][0]["physicalLocation"]["artifactLocation"] if res.get("locations") else {}
            uri = loc.get("uri") or (arts[loc["index"]] if "index" in loc else "")
            frag = f'"text": {json.dumps(res["message"]["text"])}'
            hit = [ln for ln in lines if frag in ln]
            recs += [(res.get("ruleId", ""), uri, h) for h in hit[:1]]
    return _esl_groups(recs) + _exit(lines)


@kind("stylelint-json", "lint")
def n_stylelint_json(lines):
    """each warning's `"text":"…"` fragment, grouped by (rule, source)."""
    d = _json_line(lines, "[{")
    pairs = []
    for src in d:
        for w in src["warnings"]:
            f = _present(lines, ['"text":' + _js(w["text"])])
            if f:
                pairs.append(((w["rule"], src["source"]), f[0]))
    return groups(pairs) + _exit(lines)


@kind("stylelint-verbose", "lint")
def n_stylelint_verbose(lines):
    """the finding lines by the `stylelint` rule, the `N sources checked` and `N errors found` lines, every `rule-name: N` count line."""
    out = n_stylelint(lines)
    out += [ln for ln in lines if re.match(r"^\d+ (sources? checked|(errors?|warnings?|problems?) found)", ln)]
    out += [ln for ln in lines if re.match(r"^  [a-z][a-z-]+: \d+( \(maybe fixable\))?$", ln)]
    return out + _exit(lines)


# ------------------------------------------------------------------ steps

def _proj() -> Path:
    root = TMP / "lockerbay"
    if not root.exists():
        write_project(root)
    return root


def jest_reports(tmp: Path) -> None:
    d = _proj()
    cap("jest-json", "npx jest --json", d, n_jest_json)
    cap("jest-json-two-files", "npx jest --json test/lockers.test.js test/tariff3.test.js 2>/dev/null", d, n_jest_json)
    cap("jest-json-file", "npx jest --json --outputFile=jest-report.json >/dev/null 2>&1; cat jest-report.json", d,
        n_jest_json_file)
    cap("jest-json-file-subset", "npx jest --json --outputFile=report.json test/tariff1 > /dev/null 2>&1; "
        "echo EXIT=$?; cat report.json", d, n_jest_json_file)
    cap("jest-junit", "npx jest --ci --reporters=default --reporters=jest-junit > /dev/null 2>&1; cat junit.xml", d,
        n_jest_junit)
    cap("jest-junit-lockers", "JEST_JUNIT_OUTPUT_NAME=lockers.xml npx jest test/lockers.test.js --reporters=jest-junit; "
        "echo EXIT=$?; cat lockers.xml", d, n_jest_junit)
    cap("jest-junit-grep", "JEST_JUNIT_CLASSNAME='{filepath}' npx jest --reporters=jest-junit >/dev/null 2>&1; "
        "grep -B1 -A4 '<failure' junit.xml | head -90", d, n_jest_junit)
    cap("jest-cov-text-summary", "npx jest --coverage --coverageReporters=text-summary", d, n_jest_cov_text)
    cap("jest-cov-text-summary-tail", "npx jest --coverage --coverageReporters=text-summary 2>&1 | tail -15", d,
        n_jest_cov_text)
    cap("jest-cov-json-summary", "npx jest --coverage --coverageReporters=json-summary >/dev/null 2>&1; "
        "cat coverage/coverage-summary.json", d, n_jest_cov_json)


def mocha_reports(tmp: Path) -> None:
    d = _proj()
    cap("mocha-junit", "npx mocha -R mocha-junit-reporter 'mtest/*.spec.js'; cat test-results.xml", d, n_mocha_junit)
    cap("mocha-junit-opts", "npx mocha -R mocha-junit-reporter --reporter-options "
        "mochaFile=reports/mocha.xml,testsuitesTitle=lockerbay 'mtest/tariff1*.spec.js'; echo EXIT=$?; "
        "cat reports/mocha.xml", d, n_mocha_junit)
    cap("mocha-json-stream", "npx mocha -R json-stream 'mtest/*.spec.js'", d, n_mocha_json_stream)
    cap("mocha-json-stream-nopass", "npx mocha -R json-stream 'mtest/*.spec.js' 2>&1 | grep -v '^\\[\"pass\"'", d,
        n_mocha_json_stream)
    cap("mocha-json-stream-two", "npx mocha -R json-stream mtest/tariff2.spec.js mtest/tariff5.spec.js; echo EXIT=$?",
        d, n_mocha_json_stream)


def tap_reports(tmp: Path) -> None:
    d = _proj()
    # tap-junit 5 throws on a diagnostic holding null (tape's deepEqual of [null, …]): it is fed the tariff tests only
    cap("tap-junit", "npx tape 'tap/tariff*.js' | npx tap-junit", d, n_tap_junit)
    cap("tap-junit-file", "npx tape tap/tariff1*.js | npx tap-junit --output reports --name tape; echo EXIT=$?; "
        "cat reports/tape.xml", d, n_tap_junit)
    cap("tap-xunit", "npx tape tap/*.js | npx tap-xunit", d, n_tap_xunit)
    cap("tap-xunit-file", "npx tape tap/lockers.js tap/tariff1*.js | npx tap-xunit > tape.xml; cat tape.xml", d,
        n_tap_xunit)
    cap("tap-spec", "npx tape tap/*.js | npx tap-spec", d, n_tap_spec)
    cap("tap-spec-tail", "npx tape tap/*.js | npx tap-spec | tail -60", d, n_tap_spec)
    cap("tap-spec-lockers", "npx tape tap/lockers.js tap/tariff4.js | npx tap-spec; echo EXIT=$?", d, n_tap_spec)
    cap("tap-dot", "npx tape tap/*.js | npx tap-dot", d, n_tap_dot)
    cap("tap-dot-subset", "npx tape 'tap/tariff1*.js' | npx tap-dot; echo EXIT=$?", d, n_tap_dot)
    cap("faucet", "npx tape tap/*.js | npx faucet", d, n_faucet)
    cap("faucet-subset", "npx tape tap/tariff[2-6].js | npx faucet; echo EXIT=$?", d, n_faucet)


def eslint_reports(tmp: Path) -> None:
    d = _proj()
    cap("eslint-checkstyle", "npx eslint -f checkstyle src", d, n_eslint_checkstyle)
    cap("eslint-checkstyle-file", "npx eslint -f checkstyle -o eslint.xml src/lockers.js src/tariff[0-5].js; "
        "echo EXIT=$?; cat eslint.xml", d, n_eslint_checkstyle)
    cap("eslint-checkstyle-two", "npx eslint -f checkstyle src/broken.js src/lockers.js src/tariff7.js; echo EXIT=$?", d,
        n_eslint_checkstyle)
    cap("eslint-html-head", "npx eslint -f html src | head -300", d, n_eslint_html)
    cap("eslint-html-head-600", "npx eslint -f html src 2>&1 | head -600", d, n_eslint_html)
    cap("eslint-sarif", "npx eslint -f @microsoft/eslint-formatter-sarif src", d, n_eslint_sarif)
    cap("eslint-sarif-file", "npx eslint -f @microsoft/eslint-formatter-sarif -o eslint.sarif src/lockers.js "
        "src/tariff[0-3].js; echo EXIT=$?; cat eslint.sarif", d, n_eslint_sarif)


def stylelint_reports(tmp: Path) -> None:
    d = _proj()
    cap("stylelint-json", "npx stylelint -f json 'css/*.css'", d, n_stylelint_json)
    cap("stylelint-json-three", "npx stylelint -f json 'css/bay[0-2].css'; echo EXIT=$?", d, n_stylelint_json)
    cap("stylelint-verbose", "npx stylelint -f verbose 'css/*.css'", d, n_stylelint_verbose)
    cap("stylelint-verbose-tail", "npx stylelint -f verbose 'css/**/*.css' 2>&1 | tail -30", d, n_stylelint_verbose)


def coverage_reports(tmp: Path) -> None:
    d = _proj()
    cap("c8-text-summary", "npx c8 --reporter=text-summary npx mocha -R dot 'mtest/*.spec.js'", d, n_c8_text)
    cap("c8-report-text-summary", "npx c8 --reporter=none mocha -R min 'mtest/*.spec.js' >/dev/null 2>&1; "
        "npx c8 report --reporter=text-summary; echo EXIT=$?", d, n_c8_text)
    cap("c8-json-summary", "npx c8 --reporter=json-summary mocha -R dot 'mtest/*.spec.js' >/dev/null 2>&1; "
        "cat coverage/coverage-summary.json", d, n_c8_cov_json)
    cap("nyc-text-summary", "npx nyc --reporter=text-summary mocha -R min 'mtest/*.spec.js'", d, n_nyc_text)
    cap("nyc-report-text-summary", "npx nyc --silent mocha 'mtest/*.spec.js' >/dev/null 2>&1; "
        "npx nyc report --reporter=text-summary; echo EXIT=$?", d, n_nyc_text)


STEPS = [jest_reports, mocha_reports, tap_reports, eslint_reports, stylelint_reports, coverage_reports]
