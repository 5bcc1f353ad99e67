"""Capture round 440 of the compression corpus: browser-driven test runners and front-end checks from npm, new kinds,
on a planetarium's small web app (`sternwarte`: domes, projectors, star shows, seat maps) written here with faults put
in, seeded from 44010 up, served on 127.0.0.1:18440 and run in Debian's Chromium (every npm browser download switched
off): TestCafe with its spec / list / xunit / json reporters, @web/test-runner, lighthouse-ci's assertions, karma with
karma-spec-reporter and karma-junit-reporter, mocha-headless-chrome, testem ci, reg-cli, check-html-links, WebdriverIO's
spec reporter, Nightwatch, jasmine-browser-runner, backstopjs. The rules are NEEDLES.md's "Round 440" section, one
extractor per kind (`n_<kind>` below), fixed before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide440.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide440.json  as {"version": 2, "items": [...]}, ids prefixed "wide440-".
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, kind, mask, next_match, run, write_tree  # noqa: E402
from capture_data import wait_port  # noqa: E402

ID_PREFIX = "wide440-"
DEFAULT_OUT = HERE / "data" / "wide440.json"
TMP = Path(os.environ.get("HM440_TMP", "/dev/shm/hm-corpus-wide440"))  # a second trial dir
TOOLS = Path("/dev/shm/hm-corpus-wide440-tools")
JS, WD = TOOLS / "js", TOOLS / "wd"
NM, WNM = JS / "node_modules", WD / "node_modules"
NO_DOWNLOAD = {"PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1",
               "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1", "CHROMEDRIVER_SKIP_DOWNLOAD": "true",
               "GECKODRIVER_SKIP_DOWNLOAD": "true", "EDGEDRIVER_SKIP_DOWNLOAD": "true",
               "CHROME_PATH": "/usr/bin/chromium", "CHROME_BIN": "/usr/bin/chromium",
               "PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium", "SE_OFFLINE": "true", "SE_AVOID_STATS": "true"}
NPM_JS = ["testcafe@3", "mocha", "@web/test-runner", "@web/test-runner-chrome", "@lhci/cli", "broken-link-checker",
          "karma", "karma-jasmine", "jasmine-core", "karma-chrome-launcher", "karma-spec-reporter",
          "karma-junit-reporter", "karma-coverage", "mocha-headless-chrome", "reg-cli", "testem"]
NPM_WD = ["@wdio/cli", "@wdio/local-runner", "@wdio/mocha-framework", "@wdio/spec-reporter", "webdriverio",
          "nightwatch", "jasmine-browser-runner", "jasmine-core", "backstopjs", "check-html-links"]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
PORT = 18440
BASE = f"http://127.0.0.1:{PORT}"
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    for d, marker, pkgs in ((JS, "testem", NPM_JS), (WD, "check-html-links", NPM_WD)):
        d.mkdir(parents=True, exist_ok=True)
        if not (d / "node_modules" / marker).exists():
            run("npm init -y >/dev/null && npm install -q --ignore-scripts --no-audit --no-fund " + " ".join(pkgs),
                cwd=d, env=NO_DOWNLOAD, timeout=900)
    cm.PATH_PREFIX[:0] = [str(NM / ".bin"), str(WNM / ".bin")]
    cm.BASE_ENV.update(NO_DOWNLOAD)


# ================================================================== extractors (the rules, fixed before capture)

LOC = r"\S+\.(?:m?[jt]sx?|html)(?:\?\S*)?:\d+(?::\d+)?|^\s*>\s*\d+\s*\|"
ERRLINE = r"Error\b|[Ee]xpected|[Aa]ssert|\bexpect\(|Uncaught|\bthrow|\bfailed\b|does not match|not found|\bTimeout"


def _loc_after(lines, i, out, ahead=6):
    loc = next_match(lines, i, LOC, ahead)
    if loc:
        out.append(loc)


def _first_err(lines, i, out, ahead=6):
    """The first error line within `ahead` after line i and the location within six of it."""
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        if re.search(ERRLINE, lines[k]):
            out.append(lines[k])
            if re.search(LOC, lines[k]):
                return
            _loc_after(lines, k, out)
            return


def _testcafe_text(lines):
    out, warn, in_warn = [], [], False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("✖"):
            out.append(ln)
        elif re.match(r"^\d+\) \S", s) and not in_warn:
            out.append(ln)
            if not re.search(LOC, ln):
                _loc_after(lines, i, out)
        elif re.match(r"^Warnings \(\d+\):", s):
            out.append(ln)
            in_warn = True
            for k in range(i + 1, len(lines)):
                t = lines[k].strip()
                if t and not t.startswith("--") and (k == i + 1 or lines[k - 1].strip().startswith("--")
                                                    or not lines[k - 1].strip()):
                    if re.match(r"^\d+/\d+ failed|^\d+ passed", t):
                        break
                    warn.append((mask(t), lines[k]))
        elif re.match(r"^\d+/\d+ failed|^\d+ passed|^\d+ skipped", s):
            out.append(ln)
    return out + cm.groups(warn)


@kind("testcafe-spec", "test")
def n_testcafe_spec(lines):
    """Rules 1-3: every ✖ line, each numbered failure's first error line and its location within six; the Warnings header and one {"any"} per warning shape; the closing N/M failed / N passed line."""
    return _testcafe_text(lines)


@kind("testcafe-list", "test")
def n_testcafe_list(lines):
    """Rules 1-3 as testcafe-spec: the ✖ <fixture> - <test> lines, each failure's first error line and location, the closing count line."""
    return _testcafe_text(lines)


def _xml_failures(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("<testsuite ") or s.startswith("<testsuites "):
            out.append(ln)
        elif s.startswith("<testcase"):
            if "<failure" in ln or next_match(lines, i, r"<failure", 6) and not next_match(lines, i, r"<testcase", 1):
                # the failure must belong to this testcase: no other <testcase between
                j = next((k for k in range(i + 1, min(len(lines), i + 7)) if "<failure" in lines[k]), None)
                if "<failure" in ln or (j is not None and not any("<testcase" in lines[k] for k in range(i + 1, j))):
                    out.append(ln)
        if "<failure" in ln:
            rest = re.sub(r"^.*?<failure[^>]*>", "", ln)
            rest = rest.replace("<![CDATA[", "").strip()
            if rest:
                out.append(rest)
            else:
                for k in range(i + 1, len(lines)):
                    t = lines[k].replace("<![CDATA[", "").strip()
                    if t:
                        out.append(t)
                        break
        elif re.search(r"<system-(out|err)>", ln) and re.search(r"\bERROR\b|Error:|\berror\b", ln):
            out.append(ln)
    return out


@kind("testcafe-xunit", "test")
def n_testcafe_xunit(lines):
    """Rule 2: the <testsuite line (counts), every <testcase holding or followed within six by <failure, the first non-blank line of each failure's text."""
    return _xml_failures(lines)


@kind("testcafe-json", "test")
def n_testcafe_json(lines):
    """Rule 2 on the JSON: the total / passed / skipped lines; for every test with errs, its name line and its first error's line; the name line of each fixture holding one."""
    text = "\n".join(lines)
    data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    out = []
    for key in ("total", "passed", "skipped"):
        ln = next((ln for ln in lines if re.match(rf'^\s*"{key}": \d+', ln)), None)
        if ln:
            out.append(ln)

    def line_of(s):
        return next((ln for ln in lines if s in ln), None)

    for fx in data.get("fixtures", []):
        bad = [t for t in fx.get("tests", []) if t.get("errs")]
        if bad:
            out.append(line_of(f'"name": {json.dumps(fx["name"])}'))
        for t in bad:
            out.append(line_of(f'"name": {json.dumps(t["name"])}'))
            first = json.dumps(t["errs"][0])[1:120]
            out.append(line_of(first))
    return out


@kind("web-test-runner", "test")
def n_web_test_runner(lines):
    """Rules 1-3: every ❌ line, its first error line and location within six, the test-file header above it; browser-log / uncaught error lines; warnings one {"any"} per (shape, file); the N passed, M failed and Finished / Error while running lines."""
    out, warn, cur_file = [], [], None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\S+\.(?:test|spec)\.m?[jt]s:$", s):
            cur_file = ln
        if "❌" in ln:
            if cur_file:
                out.append(cur_file)
            out.append(ln)
            _first_err(lines, i, out)
        elif re.search(r"\d+ passed, \d+ failed|Finished running tests|Error while running tests", ln):
            out.append(ln)
        elif re.search(r"Uncaught|\w*Error\b|\berror\b", ln):
            out.append(ln)
        elif re.search(r"\bwarn(ing)?\b", ln, re.I):
            warn.append(((mask(s), cur_file), ln))
    return out + cm.groups(warn)


@kind("lhci-assert", "test")
def n_lhci_assert(lines):
    """Rules 1+3: every `failure for` line with its expected: / found: lines; `warning for` lines one {"any"} per (audit id, URL); every `N result(s) for <url>` header; the closing Assertion failed / All results processed line."""
    out, warn, url = [], [], ""
    for i, ln in enumerate(lines):
        m = re.search(r"\d+ results? for (\S+)", ln)
        if m:
            url = m.group(1)
            out.append(ln)
        elif "failure for" in ln:
            out.append(ln)
            for pat in (r"^\s*expected:", r"^\s*found:"):
                x = next_match(lines, i, pat, 12)
                if x:
                    out.append(x)
        elif "warning for" in ln:
            aid = re.sub(r"^\W*", "", ln.strip()).split()[0]
            warn.append(((aid, url), ln))
        elif re.search(r"Assertion failed|All results processed", ln):
            out.append(ln)
    return out + cm.groups(warn)


@kind("karma-reporter-spec", "test")
def n_karma_spec(lines):
    """Rules 1-3: every ✗ line, the first message line after it and its location within six; karma's ERROR lines and WARN lines one {"any"} per shape; the last Executed N of M line and the TOTAL: line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("✗"):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 7)) if lines[k].strip()), None)
            if nxt:
                out.append(nxt)
                _loc_after(lines, lines.index(nxt, i + 1), out)
        elif re.search(r":ERROR \[|\bERROR\b", ln):
            out.append(ln)
        elif re.search(r":WARN \[|\bWARN\b", ln):
            warn.append((mask(re.sub(r"^[\d .:]+", "", s)), ln))
        elif s.startswith("TOTAL:"):
            out.append(ln)
    ex = [ln for ln in lines if re.search(r"Executed \d+ of \d+", ln)]
    if ex:
        out.append(ex[-1])
    return out + cm.groups(warn)


@kind("karma-junit-xml", "test")
def n_karma_junit(lines):
    """Rule 2: every <testsuite line, every <testcase holding or followed within six by <failure, the first non-blank line of each failure's text; system-out / system-err lines naming an error."""
    return _xml_failures(lines)


def _mocha(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\d+\) \S", s):
            out.append(ln)
            _first_err(lines, i, out)
        elif re.match(r"^\d+ (passing|failing|pending)\b", s):
            out.append(ln)
        elif re.search(r"Uncaught|console\.error|\bError:|pageerror|\berror\b", ln) and not s.startswith("at "):
            out.append(ln)
    return out


@kind("mocha-headless-chrome", "test")
def n_mocha_headless(lines):
    """Rules 1-3: every numbered failure header, its first error line and location within six; page error and console.error lines; the N passing / failing / pending lines."""
    return _mocha(lines)


@kind("testem-ci", "test")
def n_testem(lines):
    """Rules 2+3: every not ok line, the first message / actual / expected line after it (and its text when the value is a block) and the first location within six; the # tests / pass / skip / fail / ok lines; launcher error lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("not ok"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 40)):
                if lines[k].strip().startswith(("ok ", "not ok ")):
                    break
                m = re.match(r"^\s*(message|actual|expected):\s*(.*)$", lines[k])
                if m:
                    out.append(lines[k])
                    if m.group(2).strip() in ("", ">", "|", ">-", "|-") and k + 1 < len(lines):
                        out.append(lines[k + 1])
                    break
            _loc_after(lines, i, out)
        elif re.match(r"^# (tests|pass|skip|fail|ok)\b", s):
            out.append(ln)
        elif not ln.startswith((" ", "\t")) and re.search(r"\bError\b|\berror\b", ln) and not s.startswith("ok "):
            out.append(ln)
    return out


@kind("reg-cli", "test")
def n_reg_cli(lines):
    """Rules 4+3: every change / append / delete line (pass lines are the common rows); every closing count line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\S+\s+(change|append|delete|new|deleted)\s+\S", s):
            out.append(ln)
        elif re.search(r"file\(s\)", s):
            out.append(ln)
        elif re.search(r"\bError\b|\berror\b", ln):
            out.append(ln)
    return out


@kind("check-html-links", "lint")
def n_check_html_links(lines):
    """Rules 1+3: every numbered finding line with its first `from <file>:<line>:<col>` line within six; the Found N missing reference targets header; the closing line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\d+\. \S", s):
            out.append(ln)
            f = next_match(lines, i, r"^\s*from \S+:\d+", 6)
            if f:
                out.append(f)
        elif re.search(r"Found \d+ missing", ln):
            out.append(ln)
    last = next((ln for ln in reversed(lines) if ln.strip()), None)
    return out + [last]


@kind("wdio-spec", "test")
def n_wdio_spec(lines):
    """Rules 1-3: every ✖ line, every numbered failure header, its first error line and location within six; ERROR log lines; WARN lines one {"any"} per (logger, shape); the N passing / failing lines and the Spec Files: line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        s = re.sub(r"^\[[^\]]*\]\s*", "", ln.strip())
        if s.startswith("✖"):
            out.append(ln)
        elif re.match(r"^\d+\) \S", s):
            out.append(ln)
            _first_err(lines, i, out)
        elif re.match(r"^\d+ (passing|failing|pending|skipped)\b", s) or s.startswith("Spec Files:"):
            out.append(ln)
        elif re.search(r"\bERROR\b", ln):
            out.append(ln)
        elif re.search(r"\bWARN\b", ln):
            lg = re.search(r"WARN\s+(\S+)", ln)
            warn.append(((lg.group(1) if lg else "", mask(s)), ln))
    return out + cm.groups(warn)


@kind("nightwatch", "test")
def n_nightwatch(lines):
    """Rules 1-3: every ✖ line and the message line after it, every FAILED: line, the location under Error location:, the Running header above each failure; the TEST FAILURE / OK. line and the counts line after it."""
    out, running = [], None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^Running\s", s):
            running = ln
        if s.startswith("✖"):
            if running:
                out.append(running)
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            if nxt:
                out.append(nxt)
        elif s.startswith("FAILED:"):
            out.append(ln)
        elif s.startswith("Error location:"):
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            if nxt:
                out.append(nxt)
        elif re.search(r"TEST FAILURE|^OK\.", s):
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            if nxt:
                out.append(nxt)
    return out


@kind("jasmine-browser-runner", "test")
def n_jasmine_browser(lines):
    """Rules 1-3: every numbered failure header, the first line after its Message: and the first location after its Stack: (within six); Suite error / afterAll error lines; the N specs, M failures line and any Incomplete: line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^\d+\) \S", s):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if lines[k].strip() == "Message:" and k + 1 < len(lines):
                    out.append(lines[k + 1])
                    break
            st = next((k for k in range(i + 1, min(len(lines), i + 30)) if lines[k].strip() == "Stack:"), None)
            if st is not None:
                _loc_after(lines, st, out)
        elif re.search(r"Suite error|afterAll", ln) or re.match(r"^\d+ specs?, \d+ failures?", s) \
                or s.startswith("Incomplete:"):
            out.append(ln)
    return out


@kind("backstopjs-test", "test")
def n_backstop(lines):
    """Rules 1+3: every compare | ERROR line and any other error line; the report | N Passed / N Failed lines; the closing COMMAND | Command "test" line."""
    out = []
    for ln in lines:
        if re.search(r"\berrors?\b", ln, re.I):
            out.append(ln)
        elif re.search(r"report \|\s*\d+ (Passed|Failed)", ln) or re.search(r'COMMAND \| Command "test"', ln):
            out.append(ln)
    return out


# ================================================================== the planetarium (material, seeded from 44010)

DOMES = ["Orion", "Cassiopeia", "Lyra", "Cygnus", "Andromeda", "Perseus", "Aquila", "Draco", "Pegasus", "Vega"]
SHOWS = ["Polarlicht", "Mondfinsternis", "Sternbilder im Winter", "Die Milchstrasse", "Schwarze Löcher",
         "Kometen", "Saturnringe", "Sonnenwind", "Exoplaneten", "Der Urknall", "Planetenparade", "Nordstern"]
PROJ = ["Zeiss-IX", "Starmaster", "Fulldome-4K", "Laser-6", "Digistar", "Skymatic"]

LIB_FUNCS = """
function seats(rows, perRow) { return rows * perRow - (rows > 12 ? 1 : 0); }
function showMinutes(parts) { return parts.reduce((a, b) => a + b, 0); }
function domeArea(radius) { return Math.round(2 * Math.PI * radius * radius); }
function projectorSlot(name) {
  const slots = {"Zeiss-IX": 1, "Starmaster": 2, "Fulldome-4K": 3, "Laser-6": 4};
  if (!(name in slots)) { throw new TypeError('projector ' + name + ' is not registered in the dome'); }
  return slots[name];
}
function starsVisible(mag) { return Math.floor(Math.pow(2.5, mag) * 3); }
"""
LIB_NAMES = ["seats", "showMinutes", "domeArea", "projectorSlot", "starsVisible"]


def lib_classic() -> str:
    return LIB_FUNCS + "globalThis.Sternwarte = {" + ", ".join(LIB_NAMES) + "};\n"


def lib_module() -> str:
    return LIB_FUNCS + "export {" + ", ".join(LIB_NAMES) + "};\n"


def _seats(r, p):
    return r * p - (1 if r > 12 else 0)


def cases(rnd: random.Random, n: int, bad: float) -> list[tuple[str, str, str, str]]:
    """(suite, title, actual expression, expected expression); a share `bad` of them wrong."""
    out = []
    for i in range(n):
        dome = rnd.choice(DOMES)
        r = rnd.random()
        wrong = rnd.random() < bad
        if r < 0.35:
            rows, per = rnd.randint(4, 16), rnd.randint(10, 30)
            exp = rows * per if rows > 12 or wrong else _seats(rows, per)
            if wrong and rows <= 12:
                exp += 2
            out.append((f"dome {dome}", f"seats {rows} rows of {per} ({i})", f"Sternwarte.seats({rows}, {per})",
                        str(exp)))
        elif r < 0.6:
            parts = [rnd.randint(3, 25) for _ in range(rnd.randint(2, 5))]
            exp = sum(parts) + (5 if wrong else 0)
            out.append((f"show {rnd.choice(SHOWS)}", f"lasts {exp} minutes ({i})",
                        f"Sternwarte.showMinutes({parts})", str(exp)))
        elif r < 0.8:
            rad = rnd.randint(6, 25)
            import math
            exp = round(2 * math.pi * rad * rad) + (1 if wrong else 0)
            out.append((f"dome {dome}", f"area for radius {rad} m ({i})", f"Sternwarte.domeArea({rad})", str(exp)))
        else:
            p = rnd.choice(PROJ if wrong else PROJ[:4])
            exp = {"Zeiss-IX": 1, "Starmaster": 2, "Fulldome-4K": 3, "Laser-6": 4}.get(p, 1)
            out.append((f"projector {p}", f"slot of {p} ({i})", f"Sternwarte.projectorSlot('{p}')", str(exp)))
    return out


def jasmine_spec(cs) -> str:
    by = {}
    for suite, title, act, exp in cs:
        by.setdefault(suite, []).append((title, act, exp))
    body = []
    for suite, items in by.items():
        body.append(f"describe('{suite}', function () {{\n")
        for title, act, exp in items:
            body.append(f"  it('{title}', function () {{\n    expect({act}).toBe({exp});\n  }});\n")
        body.append("});\n")
    return "".join(body)


ASSERT_JS = """
class AssertionError extends Error {
  constructor(msg) { super(msg); this.name = 'AssertionError'; }
}
function assertEqual(actual, expected) {
  if (actual !== expected) { throw new AssertionError('expected ' + actual + ' to equal ' + expected); }
}
"""


def mocha_spec(cs, module: bool = False) -> str:
    by = {}
    for suite, title, act, exp in cs:
        by.setdefault(suite, []).append((title, act, exp))
    body = []
    if module:
        body.append("import * as Sternwarte from '../src/planetarium.mjs';\n" + ASSERT_JS + "\n")
    for suite, items in by.items():
        body.append(f"describe('{suite}', function () {{\n")
        for title, act, exp in items:
            body.append(f"  it('{title}', function () {{\n    assertEqual({act}, {exp});\n  }});\n")
        body.append("});\n")
    return "".join(body)


def page(rnd: random.Random, name: str, n: int, faults: set[str], links: list[str]) -> str:
    """A planetarium page: a heading, a list of shows, a seat table, links; `faults` put in."""
    items = []
    for i in range(n):
        sh = rnd.choice(SHOWS)
        items.append(f'    <li class="show" data-id="{i}"><a href="shows.html#show-{i}">{sh}</a> '
                     f'<span class="time">{rnd.randint(10, 21)}:{rnd.choice(["00", "15", "30", "45"])}</span> '
                     f'<span class="dome">{rnd.choice(DOMES)}</span></li>')
    rows = "\n".join(f"    <tr><td>{d}</td><td>{rnd.randint(80, 400)}</td><td>{rnd.choice(PROJ)}</td></tr>"
                     for d in rnd.sample(DOMES, 5))
    img = '<img src="img/dome.svg" width="120" height="80">' if "noalt" in faults else \
        '<img src="img/dome.svg" width="120" height="80" alt="Kuppel">'
    style = '<style>.faint{color:#bbb;background:#ccc}</style>' if "contrast" in faults else ""
    script = '<script src="app.js"></script>'
    if "jserror" in faults:
        script += '\n<script>window.addEventListener("load", function () { document.getElementById("ticket-desk").dataset.open = "1"; });</script>'
    if "consoleerror" in faults:
        script += '\n<script>console.error("Projektor Laser-6 antwortet nicht (timeout 3000 ms)");</script>'
    lang = "" if "nolang" in faults else ' lang="de"'
    nav = "\n".join(f'    <a href="{h}">{h.split(".")[0].split("#")[0] or "start"}</a>' for h in links)
    button = "" if "nobutton" in faults else '<button id="buy-ticket" type="button">Tickets</button>'
    return f"""<!doctype html>
<html{lang}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sternwarte - {name}</title>{style}</head>
<body>
<nav>
{nav}
</nav>
<main>
  <h1 id="title">{name}</h1>
  <p class="faint">Heute im Planetarium: {len(items)} Vorstellungen.</p>
  {img}
  {button}
  <ul id="shows">
{chr(10).join(items)}
  </ul>
  <table id="domes"><tr><th>Kuppel</th><th>Plätze</th><th>Projektor</th></tr>
{rows}
  </table>
</main>
{script}
</body>
</html>
"""


APP_JS = """document.addEventListener('DOMContentLoaded', function () {
  var shows = document.querySelectorAll('li.show');
  document.title = document.title + ' (' + shows.length + ')';
});
"""
DOME_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><circle cx="60" cy="80" r="60"/></svg>\n'


def make_site(root: Path, seed: int, n_pages: int, per_page: int, fault_share: float) -> dict[str, dict]:
    """Pages under root; returns {page: {"faults": set, "shows": n, "title": str}}."""
    rnd = random.Random(seed)
    names = ["index"] + [f"{w}-{i}" for i, w in enumerate(rnd.choices(["kuppel", "show", "projektor", "sitzplan",
                                                                        "programm"], k=n_pages - 1), 1)]
    meta, files = {}, {"app.js": APP_JS, "img/dome.svg": DOME_SVG}
    for nm in names:
        faults = {f for f in ["noalt", "contrast", "jserror", "consoleerror", "nolang", "nobutton", "deadlink",
                              "deadanchor"] if rnd.random() < fault_share}
        links = ["index.html"] + rnd.sample([f"{x}.html" for x in names], min(3, len(names)))
        if "deadlink" in faults:
            links.append(f"{rnd.choice(['archiv', 'sonnenuhr', 'teleskop'])}.html")
        if "deadanchor" in faults:
            links.append(f"{rnd.choice(names)}.html#{rnd.choice(['eintritt', 'anfahrt', 'kontakt'])}")
        n = rnd.randint(max(2, per_page // 2), per_page)
        title = f"{rnd.choice(DOMES)} {nm}"
        files[f"{nm}.html"] = page(rnd, title, n, faults, links)
        meta[nm] = {"faults": faults, "shows": n, "title": title}
    write_tree(root, files)
    return meta


def chrome_flags_js() -> str:
    return json.dumps(FLAGS)


def link_nm(root: Path, nm: Path = NM) -> None:
    run(f"ln -sfn {nm} node_modules", cwd=root)


# ---------------------------------------------------------------- the server

def serve(tmp: Path) -> None:
    if not wait_port(PORT, 0.3):
        cm.start(["python3", "-m", "http.server", str(PORT), "--bind", "127.0.0.1", "--directory", str(tmp)])
        wait_port(PORT, 15)


# ---------------------------------------------------------------- TestCafe

def testcafe_tests(rnd: random.Random, meta: dict, url: str) -> str:
    out = ["import { Selector } from 'testcafe';\n\n"]
    for nm, m in meta.items():
        out.append(f"fixture('Seite {nm}').page('{url}/{nm}.html');\n\n")
        shows = m["shows"] + (rnd.choice([1, 2, -1]) if rnd.random() < 0.25 else 0)
        out.append(f"test('{nm}: Titel', async t => {{\n  await t.expect(Selector('#title').innerText).eql('{m['title']}');\n}});\n")
        out.append(f"test('{nm}: {shows} Vorstellungen', async t => {{\n  await t.expect(Selector('li.show').count).eql({shows});\n}});\n")
        out.append(f"test('{nm}: Tickets kaufen', async t => {{\n  await t.click('#buy-ticket');\n  await t.expect(Selector('#domes tr').count).gte(2);\n}});\n")
        if rnd.random() < 0.4:
            out.append(f"test('{nm}: Kuppel-Tabelle', async t => {{\n  await t.expect(Selector('#domes td').nth(0).innerText).contains('{rnd.choice(DOMES)}');\n}});\n")
        out.append("\n")
    return "".join(out)


TC_TIMEOUTS = "--selector-timeout 1500 --assertion-timeout 800 --page-load-timeout 500"
REAP = "; kill -9 -$$"  # the run's shell leads its process group: no browser it left behind outlives it


def cap_testcafe(tmp: Path) -> None:
    serve(tmp)
    browser = "chromium:headless " + " ".join(f for f in FLAGS if f != "--headless")
    plan = [(44010, 3, 6, "spec"), (44011, 8, 12, "spec"), (44012, 4, 8, "list"), (44014, 5, 6, "xunit"),
            (44016, 3, 6, "json"), (44017, 6, 10, "json")]
    for k, (seed, pages, per, rep) in enumerate(plan):
        rnd = random.Random(seed)
        name = f"tc{k}"
        root = tmp / name
        meta = make_site(root / "site", seed, pages, per, 0.3)
        write_tree(root, {"tests/seiten.test.js": testcafe_tests(rnd, meta, f"{BASE}/{name}/site")})
        link_nm(root)
        r = "" if rep == "spec" else f" --reporter {rep}"
        cap(f"testcafe-{rep}-{k}", f'testcafe "{browser}" tests/ -q{r} {TC_TIMEOUTS}' + REAP, root,
            {"spec": n_testcafe_spec, "list": n_testcafe_list, "xunit": n_testcafe_xunit,
             "json": n_testcafe_json}[rep], timeout=420, typed=f"npx testcafe chromium:headless tests/{r}")


# ---------------------------------------------------------------- @web/test-runner

def cap_wtr(tmp: Path) -> None:
    for k, (seed, files, per, bad) in enumerate([(44020, 2, 6, 0.3), (44021, 5, 14, 0.2), (44022, 12, 25, 0.15)]):
        rnd = random.Random(seed)
        root = tmp / f"wtr{k}"
        tree = {"src/planetarium.mjs": lib_module(),
                "web-test-runner.config.mjs": (
                    "import { chromeLauncher } from '@web/test-runner-chrome';\n"
                    "export default {\n  nodeResolve: true,\n  staticLogging: true,\n  concurrency: 1,\n"
                    f"  browsers: [chromeLauncher({{ launchOptions: {{ executablePath: '{CHROMIUM}', headless: true,"
                    f" args: {chrome_flags_js()} }} }})],\n}};\n")}
        for f in range(files):
            body = mocha_spec(cases(rnd, per, bad), module=True)
            if rnd.random() < 0.3:
                body += "console.warn('Kuppel-Sensor meldet Temperatur ' + 31 + ' Grad');\n"
            if rnd.random() < 0.25:
                body += "console.error('Sternenprojektor: Lampenstunden überschritten');\n"
            tree[f"test/{rnd.choice(['kuppel', 'show', 'projektor', 'sitze'])}-{f}.test.mjs"] = body
        write_tree(root, tree)
        link_nm(root)
        cap(f"web-test-runner-{k}", "wtr 'test/**/*.test.mjs' --static-logging", root, n_web_test_runner,
            timeout=420, typed="npx wtr 'test/**/*.test.mjs'")


# ---------------------------------------------------------------- lighthouse-ci

def cap_lhci(tmp: Path) -> None:
    serve(tmp)
    for k, (seed, pages, level) in enumerate([(44030, 1, "recommended"), (44031, 2, "recommended"),
                                              (44032, 3, "no-pwa")]):
        name = f"lh{k}"
        root = tmp / name
        meta = make_site(root / "site", seed, max(pages, 2), 20, 0.6)
        urls = [f"{BASE}/{name}/site/{nm}.html" for nm in list(meta)[:pages]]
        rc = {"ci": {"collect": {"url": urls, "numberOfRuns": 1,
                                 "settings": {"chromeFlags": " ".join(FLAGS), "onlyCategories":
                                              ["accessibility", "best-practices", "seo"]}},
                     "assert": {"preset": f"lighthouse:{level}",
                                "assertions": {"categories:accessibility": ["error", {"minScore": 0.95}],
                                               "uses-http2": "off", "is-on-https": "warn"}}}}
        write_tree(root, {"lighthouserc.json": json.dumps(rc, indent=2)})
        link_nm(root)
        run("lhci collect", cwd=root, timeout=600)
        cap(f"lhci-assert-{k}", "lhci assert", root, n_lhci_assert, timeout=120)


# ---------------------------------------------------------------- karma

KARMA_CONF = """module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    files: ['src/planetarium.js', 'test/**/*.spec.js'],
    browsers: ['ChromiumHeadlessCustom'],
    customLaunchers: { ChromiumHeadlessCustom: { base: 'ChromiumHeadless', flags: %s } },
    reporters: [%s],
    junitReporter: { outputDir: 'reports', useBrowserName: false, outputFile: 'junit.xml' },
    specReporter: { suppressSkipped: false },
    singleRun: true,
    port: %d,
    listenAddress: '127.0.0.1',
    hostname: '127.0.0.1',
    logLevel: config.LOG_WARN,
  });
};
"""


def cap_karma(tmp: Path) -> None:
    plan = [(44040, 2, 8, 0.3, "spec"), (44041, 6, 20, 0.15, "spec"), (44042, 14, 30, 0.1, "spec"),
            (44043, 3, 8, 0.3, "junit"), (44044, 8, 25, 0.12, "junit")]
    for k, (seed, files, per, bad, rep) in enumerate(plan):
        rnd = random.Random(seed)
        root = tmp / f"karma{k}"
        tree = {"src/planetarium.js": lib_classic(),
                "karma.conf.js": KARMA_CONF % (json.dumps([f for f in FLAGS if f != "--headless"]),
                                               "'spec'" if rep == "spec" else "'dots', 'junit'", 28440)}
        for f in range(files):
            tree[f"test/{rnd.choice(['kuppel', 'show', 'projektor'])}-{f}.spec.js"] = jasmine_spec(cases(rnd, per, bad))
        if k == 1:
            tree["test/zz-broken.spec.js"] = "describe('kaputt', function () {\n  it('lädt', function () {\n    Sternwarte.lens.focus();\n  });\n});\n"
        write_tree(root, tree)
        link_nm(root)
        if rep == "spec":
            cap(f"karma-reporter-spec-{k}", "karma start karma.conf.js", root, n_karma_spec, timeout=300,
                typed="npx karma start --single-run --reporters spec")
        else:
            run("karma start karma.conf.js", cwd=root, timeout=300)
            cap(f"karma-junit-xml-{k}", "cat reports/junit.xml", root, n_karma_junit, timeout=30)


# ---------------------------------------------------------------- mocha-headless-chrome

def cap_mhc(tmp: Path) -> None:
    serve(tmp)
    for k, (seed, n, bad) in enumerate([(44050, 12, 0.3), (44051, 60, 0.15), (44052, 220, 0.1)]):
        rnd = random.Random(seed)
        root = tmp / f"mhc{k}"
        extra = ""
        if k >= 1:
            extra = ("<script>console.error('Sternkarte konnte nicht geladen werden: 404 /data/stars-" + str(k) +
                     ".json');</script>\n")
        write_tree(root, {
            "src/planetarium.js": lib_classic(), "test/assert.js": ASSERT_JS,
            "test/specs.js": mocha_spec(cases(rnd, n, bad)),
            "runner.html": ("<!doctype html><html><head><meta charset='utf-8'><title>Sternwarte Tests</title></head>"
                            "<body><div id='mocha'></div>\n<script src='node_modules/mocha/mocha.js'></script>\n"
                            "<script>mocha.setup('bdd');</script>\n<script src='src/planetarium.js'></script>\n"
                            "<script src='test/assert.js'></script>\n<script src='test/specs.js'></script>\n" + extra +
                            "<script>mocha.run();</script></body></html>\n")})
        link_nm(root)
        cap(f"mocha-headless-chrome-{k}",
            f"mocha-headless-chrome -f {BASE}/mhc{k}/runner.html -e {CHROMIUM} -a no-sandbox -a disable-gpu "
            "-a disable-background-networking -a disable-component-update -a no-first-run", root, n_mocha_headless,
            timeout=300, typed=f"npx mocha-headless-chrome -f {BASE}/mhc{k}/runner.html")


# ---------------------------------------------------------------- testem

def cap_testem(tmp: Path) -> None:
    for k, (seed, files, per, bad) in enumerate([(44060, 2, 10, 0.3), (44061, 5, 30, 0.15), (44062, 10, 45, 0.1)]):
        rnd = random.Random(seed)
        root = tmp / f"testem{k}"
        tree = {"src/planetarium.js": lib_classic(), "test/assert.js": ASSERT_JS,
                "testem.json": json.dumps({
                    "framework": "mocha", "port": 38440, "host": "127.0.0.1",
                    "src_files": ["src/planetarium.js", "test/assert.js", "test/*.spec.js"],
                    "launchers": {"Chromium": {"exe": CHROMIUM, "args": FLAGS + ["--remote-debugging-port=0",
                                                                               "--user-data-dir=/tmp/testem-" + str(k)],
                                               "protocol": "browser"}},
                    "launch_in_ci": ["Chromium"], "browser_start_timeout": 60}, indent=2)}
        for f in range(files):
            tree[f"test/{rnd.choice(['kuppel', 'show', 'projektor'])}-{f}.spec.js"] = mocha_spec(cases(rnd, per, bad))
        write_tree(root, tree)
        link_nm(root)
        cap(f"testem-ci-{k}", "testem ci", root, n_testem, timeout=300, typed="npx testem ci")


# ---------------------------------------------------------------- reg-cli (PNG screenshots of star maps)

def png(w: int, h: int, stars: list[tuple[int, int]]) -> bytes:
    import struct
    import zlib
    px = bytearray(b"\x00\x00\x20" * (w * h))
    for x, y in stars:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if 0 <= x + dx < w and 0 <= y + dy < h:
                    o = ((y + dy) * w + x + dx) * 3
                    px[o:o + 3] = b"\xff\xff\xe0"
    raw = b"".join(b"\x00" + bytes(px[y * w * 3:(y + 1) * w * 3]) for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def cap_reg(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(44070, 14), (44071, 60), (44072, 240)]):
        rnd = random.Random(seed)
        root = tmp / f"reg{k}"
        for d in ("expected", "actual"):
            (root / d).mkdir(parents=True, exist_ok=True)
        for i in range(n):
            nm = f"{rnd.choice(DOMES).lower()}-{rnd.choice(['nordhimmel', 'suedhimmel', 'zenit', 'horizont'])}-{i:03d}.png"
            stars = [(rnd.randrange(48), rnd.randrange(32)) for _ in range(12)]
            r = rnd.random()
            if r < 0.85 or i == 0:
                (root / "expected" / nm).write_bytes(png(48, 32, stars))
            if r < 0.06:
                continue  # deleted
            if 0.1 < r < 0.22:
                stars = stars[:-3] + [(rnd.randrange(48), rnd.randrange(32)) for _ in range(3)]
            (root / "actual" / nm).write_bytes(png(48, 32, stars))
        link_nm(root)
        cap(f"reg-cli-{k}", "reg-cli actual expected diff -R report.html -M 0.0", root, n_reg_cli, timeout=300,
            typed="npx reg-cli actual expected diff -R report.html")


# ---------------------------------------------------------------- check-html-links

def cap_chl(tmp: Path) -> None:
    for k, (seed, pages, share) in enumerate([(44080, 6, 0.4), (44081, 30, 0.3), (44082, 110, 0.3)]):
        root = tmp / f"chl{k}"
        make_site(root / "_site", seed, pages, 10, share)
        link_nm(root, WNM)
        cap(f"check-html-links-{k}", "check-html-links _site", root, n_check_html_links, timeout=300,
            typed="npx check-html-links _site")


# ---------------------------------------------------------------- WebdriverIO

def wdio_conf(specs: str, level: str) -> str:
    caps = {"browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": FLAGS},
            "wdio:chromedriverOptions": {"binary": CHROMEDRIVER}, "wdio:enforceWebDriverClassic": True}
    return (f"export const config = {{\n  runner: 'local',\n  specs: ['{specs}'],\n  maxInstances: 1,\n"
            f"  capabilities: [{json.dumps(caps)}],\n  logLevel: '{level}',\n  baseUrl: '{BASE}',\n"
            "  waitforTimeout: 1500,\n  framework: 'mocha',\n  reporters: ['spec'],\n"
            "  mochaOpts: { ui: 'bdd', timeout: 30000 },\n};\n")


def wdio_spec(rnd: random.Random, meta: dict, url: str) -> str:
    out = ["import { browser, $, $$, expect } from '@wdio/globals';\n\n"]
    for nm, m in meta.items():
        shows = m["shows"] + (rnd.choice([1, -1, 3]) if rnd.random() < 0.3 else 0)
        out.append(f"describe('Seite {nm}', () => {{\n")
        out.append(f"  it('zeigt den Titel', async () => {{\n    await browser.url('{url}/{nm}.html');\n"
                   f"    await expect($('#title')).toHaveText('{m['title']}');\n  }});\n")
        out.append(f"  it('listet {shows} Vorstellungen', async () => {{\n    await browser.url('{url}/{nm}.html');\n"
                   f"    await expect($$('li.show')).toBeElementsArrayOfSize({shows});\n  }});\n")
        out.append(f"  it('öffnet die Ticketkasse', async () => {{\n    await browser.url('{url}/{nm}.html');\n"
                   "    await $('#buy-ticket').click();\n  });\n")
        out.append("});\n\n")
    return "".join(out)


def cap_wdio(tmp: Path) -> None:
    serve(tmp)
    for k, (seed, pages, per, level) in enumerate([(44090, 2, 6, "error"), (44091, 4, 10, "warn"),
                                                   (44093, 16, 14, "warn"), (44092, 8, 12, "warn")]):
        rnd = random.Random(seed)
        name = f"wdio{k}"
        root = tmp / name
        meta = make_site(root / "site", seed, pages, per, 0.3)
        tree = {"package.json": json.dumps({"name": f"sternwarte-e2e-{k}", "type": "module", "private": True}),
                "wdio.conf.js": wdio_conf("./test/specs/**/*.e2e.js", level)}
        items = list(meta.items())
        half = max(1, len(items) // 2)
        for j, chunk in enumerate([items[:half], items[half:]]):
            if chunk:
                tree[f"test/specs/seiten-{j}.e2e.js"] = wdio_spec(rnd, dict(chunk), f"{BASE}/{name}/site")
        write_tree(root, tree)
        link_nm(root, WNM)
        cap(f"wdio-spec-{k}", "wdio run wdio.conf.js", root, n_wdio_spec, timeout=600,
            typed="npx wdio run wdio.conf.js")


# ---------------------------------------------------------------- Nightwatch

def nw_test(rnd: random.Random, meta: dict, url: str) -> str:
    out = ["describe('Sternwarte Seiten', function () {\n"]
    for nm, m in meta.items():
        shows = m["shows"] + (rnd.choice([1, -1, 2]) if rnd.random() < 0.3 else 0)
        out.append(f"  it('Seite {nm}', function (browser) {{\n    browser.navigateTo('{url}/{nm}.html');\n"
                   f"    browser.assert.textContains('#title', '{m['title']}');\n"
                   f"    browser.assert.elementsCount('li.show', {shows});\n"
                   "    browser.assert.visible('#buy-ticket');\n  });\n")
    out.append("});\n")
    return "".join(out)


def cap_nightwatch(tmp: Path) -> None:
    serve(tmp)
    for k, (seed, pages, per) in enumerate([(44100, 3, 6), (44101, 6, 10), (44102, 16, 12)]):
        rnd = random.Random(seed)
        name = f"nw{k}"
        root = tmp / name
        meta = make_site(root / "site", seed, pages, per, 0.3)
        conf = {"src_folders": ["tests"], "output_folder": "reports", "disable_error_log": False,
                "webdriver": {"start_process": True, "server_path": CHROMEDRIVER, "port": 38440 + 0},
                "test_settings": {"default": {"desiredCapabilities": {
                    "browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": FLAGS}},
                    "launch_url": BASE, "skip_testcases_on_fail": False,
                    "globals": {"abortOnAssertionFailure": False, "waitForConditionTimeout": 1000,
                                "retryAssertionTimeout": 1000}}}}
        items = list(meta.items())
        tree = {"nightwatch.conf.js": "module.exports = " + json.dumps(conf, indent=2) + ";\n",
                "tests/seiten.js": nw_test(rnd, dict(items), f"{BASE}/{name}/site")}
        write_tree(root, tree)
        link_nm(root, WNM)
        cap(f"nightwatch-{k}", "nightwatch --config nightwatch.conf.js", root, n_nightwatch, timeout=600,
            typed="npx nightwatch")


# ---------------------------------------------------------------- jasmine-browser-runner

def cap_jbr(tmp: Path) -> None:
    for k, (seed, files, per, bad) in enumerate([(44110, 2, 8, 0.3), (44111, 5, 25, 0.15), (44112, 10, 40, 0.1)]):
        rnd = random.Random(seed)
        root = tmp / f"jbr{k}"
        tree = {"src/planetarium.js": lib_classic(),
                "spec/support/jasmine-browser.json": json.dumps({
                    "srcDir": "src", "srcFiles": ["planetarium.js"], "specDir": "spec", "specFiles": ["**/*[sS]pec.js"],
                    "helpers": [], "env": {"stopSpecOnExpectationFailure": False, "random": True},
                    "port": 28440, "listenAddress": "127.0.0.1", "hostname": "127.0.0.1",
                    "browser": {"name": "headlessChrome"}}, indent=2)}
        for f in range(files):
            tree[f"spec/{rnd.choice(['kuppel', 'show', 'projektor'])}-{f}Spec.js"] = jasmine_spec(cases(rnd, per, bad))
        write_tree(root, tree)
        link_nm(root, WNM)
        cap(f"jasmine-browser-runner-{k}", "jasmine-browser-runner runSpecs --seed=44110", root, n_jasmine_browser,
            timeout=300, typed="npx jasmine-browser-runner runSpecs")


# ---------------------------------------------------------------- backstopjs

def cap_backstop(tmp: Path) -> None:
    serve(tmp)
    for k, (seed, pages) in enumerate([(44120, 3), (44121, 8)]):
        name = f"bs{k}"
        root = tmp / name
        meta = make_site(root / "site", seed, pages, 8, 0.2)
        cfg = {"id": f"sternwarte_{k}", "viewports": [{"label": "desktop", "width": 800, "height": 600},
                                                      {"label": "phone", "width": 360, "height": 640}],
               "scenarios": [{"label": f"Seite {nm}", "url": f"{BASE}/{name}/site/{nm}.html",
                              "misMatchThreshold": 0.1} for nm in meta],
               "paths": {"bitmaps_reference": "backstop_data/bitmaps_reference",
                         "bitmaps_test": "backstop_data/bitmaps_test", "html_report": "backstop_data/html_report",
                         "engine_scripts": "backstop_data/engine_scripts"},
               "engine": "puppeteer", "engineOptions": {"executablePath": CHROMIUM, "args": FLAGS},
               "report": ["CI"], "asyncCaptureLimit": 1, "asyncCompareLimit": 2}
        write_tree(root, {"backstop.json": json.dumps(cfg, indent=2)})
        link_nm(root, WNM)
        run("backstop reference", cwd=root, timeout=600)
        rnd = random.Random(seed + 50)
        make_site(root / "site", seed + 50, pages, 8, 0.2) if k else None
        for nm in rnd.sample(list(meta), max(1, len(meta) // 3)):
            p = root / "site" / f"{nm}.html"
            if p.exists():
                p.write_text(p.read_text().replace("<h1", "<h1 style='font-size:3em;color:#a00'"))
        cap(f"backstopjs-test-{k}", "backstop test", root, n_backstop, timeout=600, typed="npx backstop test")


STEPS = [cap_testcafe, cap_wtr, cap_lhci, cap_karma, cap_mhc, cap_testem, cap_reg, cap_chl, cap_wdio, cap_nightwatch,
         cap_jbr, cap_backstop]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide440", sys.modules["__main__"])
    main()
