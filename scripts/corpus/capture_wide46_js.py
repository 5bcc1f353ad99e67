"""Round 46: `tramline`, a tram timetable library (bugs put in, widened by a seeded generator), through jest's
--json / --listTests / --detectOpenHandles / summary reporter / snapshot failures / text-summary coverage /
jest-junit, AVA's TAP reporter, Playwright's line / dot / json reporters and --list (API-only tests: the `request`
fixture against a local server and plain bodies, no browser), size-limit (text and --json), tsc -b on project
references, tsc --diagnostics and npm ls --all on a broken tree. The extractors are NEEDLES.md "Round 46"'s rules;
kinds printing an earlier kind's lines reuse its extractor. Run through capture_wide46.py."""

from __future__ import annotations

import json
import random
import re
import socket
from pathlib import Path

from capture_more import any_of, n_junit_xml, named, next_match, prev_match, run, write_tree  # noqa: F401
from capture_wide10_eco import n_playwright
from capture_wide15_js import n_jest, n_tsc
from capture_wide46 import JS, cap


def ext(name: str, family: str, doc: str, fn):
    """`fn`'s needles plus what every round-46 kind shares: an `EXIT=N` line the agent printed (round 9b's
    shell-status)."""
    def full(lines: list[str]) -> list:
        out = list(fn(lines))
        out += [ln for ln in lines if re.match(r"^EXIT=\d+$", ln)]
        return out
    return named(name, family, doc, full)


def _first_line(fn) -> str:
    return (fn.__doc__ or "").strip().splitlines()[0]


# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 46")

def _jest_snap(lines):
    out = list(n_jest(lines))
    out += [ln for ln in lines if re.match(r"^\s*Snapshots:\s", ln) or re.search(r"› \d+ snapshots? failed", ln)]
    return out


N_JEST_SNAPSHOT = ext("jest-snapshot-failure", "test", "Round 46 (jest snapshot failure): n_jest's needles, every "
                      "Snapshots: line and › N snapshot(s) failed line", _jest_snap)


def _tsc_b(lines):
    return list(n_tsc(lines))


N_TSC_B_REFS = ext("tsc-build-references", "build", _first_line(n_tsc), _tsc_b)
N_PW_LINE = ext("playwright-reporter-line", "test", _first_line(n_playwright), n_playwright)
N_PW_DOT = ext("playwright-reporter-dot", "test", _first_line(n_playwright), n_playwright)
N_JEST_JUNIT = ext("jest-junit", "test", _first_line(n_junit_xml), n_junit_xml)


def _jest_json(lines):
    ind = next((len(ln) - len(ln.lstrip()) for ln in lines if re.match(r'^\s+"', ln)), 2)
    out = [ln for ln in lines
           if re.match(r'^ {%d}"(numFailedTests|numPassedTests|numTotalTests|success)": ' % ind, ln)]
    msg = full = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith('"ancestorTitles"'):
            msg = full = None
        elif s.startswith('"failureMessages": ['):
            msg = next_match(lines, i, r"^\s*\"", 1)
        elif s.startswith('"fullName": '):
            full = ln
        elif s.startswith('"status": "failed"'):
            out += [full, msg]
    return out


N_JEST_JSON = ext("jest-json", "json", "Round 46 (jest --json): the top-level numFailedTests / numPassedTests / "
                  "numTotalTests / success lines, each failed assertion's fullName line and first failureMessages "
                  "line", _jest_json)


def _jest_list(lines):
    return [ln for ln in lines if re.match(r"^/\S+\.(m?js|cjs|tsx?)$", ln.strip())]


N_JEST_LIST = ext("jest-list-tests", "listing", "Round 46 (jest --listTests): every listed test file", _jest_list)


def _open_handles(lines):
    out = list(n_jest(lines))
    for i, ln in enumerate(lines):
        if re.search(r"Jest has detected the following \d+ open handles?", ln):
            out.append(ln)
        elif re.match(r"^\s*●\s+\w+\s*$", ln):
            out += [ln, next_match(lines, i, r"^\s+at ", 6)]
    return out


N_JEST_OPEN = ext("jest-detect-open-handles", "test", "Round 46 (jest --detectOpenHandles): n_jest's needles, the "
                  "open handles line, each handle's ● Type line and its first at line", _open_handles)


def _cov_summary(lines):
    return [ln for ln in lines if re.match(r"^\s*(Statements|Branches|Functions|Lines)\s+:", ln)
            or re.search(r"coverage threshold .* not met|does not meet .*threshold", ln, re.I)]


N_JEST_COV_SUMMARY = ext("jest-coverage-text-summary", "test", "Round 46 (jest text-summary coverage): the "
                         "Statements / Branches / Functions / Lines lines and every threshold not met line",
                         _cov_summary)


def _ava_tap(lines):
    out = [ln for ln in lines if re.match(r"^# (tests|pass|fail)\b", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*not ok \d+", ln):
            out.append(ln)
            got = set()
            for l in lines[i + 1:i + 40]:
                if re.match(r"^\s*(not )?ok \d+", l):
                    break
                m = re.match(r"^\s*(message|at): (.*)$", l)
                if m and m.group(1) not in got:
                    got.add(m.group(1))
                    out.append(l)
                    j = lines.index(l, i)
                    if m.group(2) in (">-", "|-", ">", "|"):  # a folded value: its first line
                        out.append(next_match(lines, j, r"\S", 1))
                    elif m.group(2) == "''":  # an empty message: the difference printed under details
                        out += [x for x in lines[i + 1:j] if re.match(r"^\s+[-+] ", x)][:2]
    return out


N_AVA_TAP = ext("ava-tap", "test", "Round 46 (ava --tap): every not ok line with its first message and at lines, "
                "the # tests / pass / fail lines", _ava_tap)


def _pw_json(lines):
    out, stats = [], False
    for i, ln in enumerate(lines):
        if re.match(r'^\s*"stats": \{', ln):
            stats = True
        elif stats and re.match(r'^\s*"(expected|unexpected|flaky|skipped)": ', ln):
            out.append(ln)
        elif re.match(r'^\s*"status": "(failed|timedOut)"', ln):
            out.append(prev_match(lines, i, r'^\s*"title": ', 400))
            out.append(next_match(lines, i, r'^\s*"message": ', 12))
    return out


N_PW_JSON = ext("playwright-reporter-json", "json", "Round 46 (Playwright JSON): the stats expected / unexpected / "
                "flaky / skipped lines, each failed result's spec title line and first error message line", _pw_json)


def _pw_list(lines):
    out = [ln for ln in lines if re.match(r"^Total: \d+ tests? in \d+ files?", ln)]
    tests = [ln for ln in lines if re.match(r"^\s+.*\.\w+:\d+:\d+ › ", ln)]
    return out + tests[:1] + tests[-1:]


N_PW_LIST = ext("playwright-list-tests", "listing", "Round 46 (playwright test --list): the Total line, the first "
                "and last listed tests", _pw_list)


def _size_limit(lines):
    out, block = [], []
    for ln in lines + [""]:
        if ln.strip():
            block.append(ln)
            continue
        if any("exceeded" in b for b in block):
            out.append(block[0])
            out += [b for b in block if re.match(r"^\s*(Size limit|Size):", b) or "exceeded" in b]
        block = []
    return out


N_SIZE_LIMIT = ext("size-limit", "build", "Round 46 (size-limit): each over-limit entry's name, Size limit and Size "
                   "lines, the exceeded line", _size_limit)


def _size_limit_json(lines):
    out, obj = [], []
    for ln in lines:
        s = ln.strip()
        if s == "{":
            obj = []
        obj.append(ln)
        if s in ("}", "},"):
            out += [x for x in obj if re.match(r'^\s*"name": ', x)]
            if any(re.match(r'^\s*"passed": false', x) for x in obj):
                out += [x for x in obj if re.match(r'^\s*"(size|passed)": ', x)]
    return out


N_SIZE_LIMIT_JSON = ext("size-limit-json", "json", "Round 46 (size-limit --json): every entry's name line, the size "
                        "and passed: false lines of each entry over its limit", _size_limit_json)


def _tsc_diag(lines):
    return list(n_tsc(lines)) + [ln for ln in lines if re.match(r"^(Files|Memory used|Check time|Total time):", ln)]


N_TSC_DIAG = ext("tsc-diagnostics", "build", "Round 46 (tsc --diagnostics): n_tsc's errors and the Files / Memory "
                 "used / Check time / Total time lines", _tsc_diag)


def _tsc_dry(lines):
    return [ln for ln in lines if re.search(r"non-dry build would|would update timestamps|is out of date", ln)]


N_TSC_DRY = ext("tsc-build-dry", "build", "Round 46 (tsc -b --dry): every would build / would update timestamps line "
                "and every out of date line", _tsc_dry)


def _tsc_files_only(lines):
    files = [ln for ln in lines if ln.strip().startswith("/")]
    nm = [ln for ln in files if "/node_modules/" in ln]
    return [ln for ln in files if "/node_modules/" not in ln] + nm[:1] + nm[-1:]


N_TSC_FILES_ONLY = ext("tsc-list-files-only", "listing", "Round 46 (tsc --listFilesOnly): every own source file, "
                       "the first and last node_modules file", _tsc_files_only)


def _pw_junit(lines):
    """n_junit_xml, the failing testcase found back to its opening line: Playwright writes the <system-out> of an
    attachment between <testcase> and <failure>, further than n_junit_xml's three lines."""
    out = list(n_junit_xml(lines))
    for i, ln in enumerate(lines):
        if re.match(r"^\s*<(failure|error)\b", ln):
            out.append(prev_match(lines, i, r"^\s*<testcase\b", 40))
    return out


N_PW_JUNIT = ext("playwright-reporter-junit", "test", _first_line(n_junit_xml), _pw_junit)


def _jest_show_config(lines):
    out, in_match = [], False
    for ln in lines:
        if re.match(r'^\s*"(rootDir|testEnvironment|maxWorkers)": ', ln):
            out.append(ln)
        if re.match(r'^\s*"testMatch": \[', ln):
            in_match = True
            continue
        if in_match:
            if re.match(r"^\s*\]", ln):
                in_match = False
            else:
                out.append(ln)
    return out


N_JEST_SHOW_CONFIG = ext("jest-show-config", "json", "Round 46 (jest --showConfig): the rootDir, testEnvironment and "
                         "maxWorkers lines and every testMatch entry", _jest_show_config)


def _npm_ls(lines):
    return [ln for ln in lines if re.search(r"\b(invalid|extraneous|UNMET DEPENDENCY|missing)\b", ln)
            or re.match(r"^npm (error|ERR!)", ln)]


N_NPM_LS_BROKEN = ext("npm-ls-all-broken", "pkg", "Round 46 (npm ls --all on a broken tree): every invalid / "
                      "extraneous / UNMET DEPENDENCY / missing line and every npm error line", _npm_ls)


# ------------------------------------------------------------------ the project

STOPS = ["Harbour", "Mill Lane", "Cathedral", "Riverside", "Old Market", "Station Square", "Botanic", "Quarry Road",
         "University", "Gasworks", "Parkway", "Depot", "Lighthouse", "Foundry", "Tannery"]

TIMETABLE = r"""'use strict';

function parseTime(hhmm) {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function fmt(mins) {
  const h = Math.floor(mins / 60) % 24;
  const m = mins % 60;
  return String(h).padStart(2, '0') + ':' + String(m).padStart(2, '0');
}

// departures from `first` every `headway` minutes until `last` (inclusive)
function departures(first, last, headway) {
  const out = [];
  for (let t = parseTime(first); t < parseTime(last); t += headway) out.push(fmt(t));  // bug: drops `last`
  return out;
}

function nextDeparture(now, first, last, headway) {
  const deps = departures(first, last, headway);
  return deps.find((d) => parseTime(d) > parseTime(now)) || null;  // bug: a tram leaving now is missed
}

function fare(zones, age) {
  const base = 1.6 + 0.9 * (zones - 1);
  if (age < 16) return Math.round(base * 50) / 100;
  if (age > 65) return 0;
  return Math.round(base * 100) / 100;
}

function render(route) {
  return route.line + ': ' + route.stops.join(' -> ');
}

module.exports = { parseTime, fmt, departures, nextDeparture, fare, render };
"""


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def gen_cases(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(title, expression, expected JSON) cases; some expect the right answer the bugs break."""
    cases = []
    for k in range(n):
        r = rng.random()
        if r < 0.5:
            zones, age = rng.randint(1, 6), rng.choice([9, 12, 15, 30, 44, 70])
            base = 1.6 + 0.9 * (zones - 1)
            want = 0 if age > 65 else round(base * (50 if age < 16 else 100)) / 100
            if age == 15 and rng.random() < 0.5:  # the spec: under-16 from 15 pays adult fare
                want = round(base * 100) / 100
            cases.append((f"fare for {zones} zones at age {age}", f"fare({zones}, {age})", json.dumps(want)))
        elif r < 0.8:
            h = rng.randint(5, 22)
            hw = rng.choice([6, 8, 10, 12, 15])
            now = f"{h:02d}:{rng.choice([0, 15, 30, 45]):02d}"
            t0 = 5 * 60 + 30
            tn = h * 60 + int(now[3:])
            nxt = t0 + ((max(tn - t0, 0) + hw - 1) // hw) * hw
            want = f"{nxt // 60 % 24:02d}:{nxt % 60:02d}" if nxt < 23 * 60 + 30 else None
            cases.append((f"next tram after {now} every {hw} min", f"nextDeparture('{now}', '05:30', '23:30', {hw})",
                          json.dumps(want)))
        else:
            hw = rng.choice([10, 15, 20, 30])
            last = rng.choice(["22:00", "23:00", "23:30"])
            count = (int(last[:2]) * 60 + int(last[3:]) - 330) // hw + 1
            cases.append((f"{count} departures every {hw} min until {last}",
                          f"departures('05:30', '{last}', {hw}).length", str(count)))
    return cases


def write_project(tmp: Path, seed: int, n_files: int, per_file: int) -> Path:
    rng = random.Random(seed)
    root = tmp / f"tramline{seed}"
    files = {"package.json": json.dumps({"name": "tramline", "version": "2.3.0", "private": True,
                                          "main": "lib/timetable.js",
                                          "ava": {"files": ["avatest/**/*.js"]},
                                          "jest": {"testMatch": ["**/test/**/*.test.js"]}}, indent=2),
             "lib/timetable.js": TIMETABLE}
    for f in range(n_files):
        chunk = gen_cases(rng, per_file)
        line = f"Line {f + 1}"
        jb = ["'use strict';", "const { fare, departures, nextDeparture } = require('../lib/timetable');", "",
              f"describe('{line}', () => {{"]
        jb += [f"  test('{t}', () => {{\n    expect({e}).toEqual({w});\n  }});" for t, e, w in chunk]
        jb.append("});")
        files[f"test/line{f + 1:02d}.test.js"] = "\n".join(jb) + "\n"
        ab = ["'use strict';", "const test = require('ava');",
              "const { fare, departures, nextDeparture } = require('../lib/timetable');", ""]
        ab += [f"test('{line} › {t}', (t) => {{\n  t.deepEqual({e}, {w});\n}});" for t, e, w in chunk]
        files[f"avatest/line{f + 1:02d}.js"] = "\n".join(ab) + "\n"
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


def add_snapshots(root: Path, rng: random.Random, n: int) -> None:
    """A snapshot suite written with one renderer, then the renderer changed: the snapshots go stale."""
    body = ["'use strict';", "const { render } = require('../lib/timetable');", "", "describe('route boards', () => {"]
    for k in range(n):
        stops = rng.sample(STOPS, rng.randint(4, 9))
        body.append(f"  test('board for line {k + 1}', () => {{\n    expect(render({{ line: 'L{k + 1}', stops: "
                    f"{json.dumps(stops)} }})).toMatchSnapshot();\n  }});")
    body.append("});")
    write_tree(root, {"test/boards.test.js": "\n".join(body) + "\n"})
    run("npx jest --ci=false test/boards.test.js", cwd=root, timeout=300)
    src = (root / "lib/timetable.js").read_text()
    (root / "lib/timetable.js").write_text(src.replace("route.stops.join(' -> ')", "route.stops.join(' → ')"))


OPEN_HANDLES = """'use strict';
const http = require('http');
const { nextDeparture } = require('../lib/timetable');

describe('live board', () => {
  test('serves the next departure', (done) => {
    const server = http.createServer((req, res) => res.end(nextDeparture('08:00', '05:30', '23:30', 10)));
    server.listen(0, () => {
      http.get('http://127.0.0.1:' + server.address().port + '/', (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => { expect(body).toBe('08:00'); done(); });
      });
    });
  });

  test('polls the depot feed', () => {
    const timer = setInterval(() => nextDeparture('09:00', '05:30', '23:30', 12), 1000);
    expect(typeof timer).toBe('object');
  });
});
"""


def jest_runs(tmp: Path) -> None:
    a = write_project(tmp, 4601, 6, 8)
    b = write_project(tmp, 4602, 14, 10)
    cap("jest-json-jsontool", "npx jest --ci --json 2>/dev/null | python3 -m json.tool", a, N_JEST_JSON)
    cap("jest-json-jq-failed", "npx jest --ci --json test/line0[1-3].test.js 2>/dev/null | jq .", b, N_JEST_JSON)
    cap("jest-list-tests", "npx jest --listTests", b, N_JEST_LIST)
    cap("jest-show-config", "npx jest --showConfig", a, N_JEST_SHOW_CONFIG)
    cap("jest-junit-cat", "npx jest --ci --reporters=jest-junit >/dev/null 2>&1; cat junit.xml", a, N_JEST_JUNIT)
    cap("jest-junit-head", "JEST_JUNIT_OUTPUT_NAME=report.xml npx jest --ci --reporters=default "
        "--reporters=jest-junit >/dev/null 2>&1; head -n 120 report.xml", b, N_JEST_JUNIT)
    cap("jest-coverage-text-summary", "npx jest --ci --coverage --coverageReporters=text-summary "
        "--coverageThreshold='{\"global\":{\"lines\":98,\"branches\":95}}' 2>&1 | tail -n 25", a, N_JEST_COV_SUMMARY)
    s = write_project(tmp, 4603, 2, 6)
    add_snapshots(s, random.Random(4603), 12)
    cap("jest-snapshot-failure", "npx jest --ci test/boards.test.js", s, N_JEST_SNAPSHOT)
    cap("jest-json-snapshots", "npx jest --ci --json test/boards.test.js 2>/dev/null | jq .", s, N_JEST_JSON)
    cap("jest-snapshot-failure-all", "npx jest --ci 2>&1 | tail -n 150", s, N_JEST_SNAPSHOT)
    o = write_project(tmp, 4604, 2, 5)
    write_tree(o, {"test/live.test.js": OPEN_HANDLES})
    cap("jest-detect-open-handles", "timeout 25 npx jest --ci --detectOpenHandles test/live.test.js; echo EXIT=$?", o,
        N_JEST_OPEN, timeout=120)
    cap("jest-detect-open-handles-all", "timeout 25 npx jest --ci --detectOpenHandles 2>&1 | tail -n 70", o,
        N_JEST_OPEN, timeout=120)


def ava_runs(tmp: Path) -> None:
    a = write_project(tmp, 4611, 5, 8)
    b = write_project(tmp, 4612, 12, 10)
    cap("ava-tap", "npx ava --tap", a, N_AVA_TAP)
    cap("ava-tap-serial-tail", "npx ava --tap --serial 2>&1 | tail -n 120", b, N_AVA_TAP)
    cap("ava-tap-all", "npx ava --tap 2>&1; echo EXIT=$?", b, N_AVA_TAP)
    cap("ava-tap-match", "npx ava --tap --match='*fare*'; echo EXIT=$?", b, N_AVA_TAP)


PW_SERVER = """'use strict';
const http = require('http');
const { nextDeparture, fare } = require('./lib/timetable');
const port = Number(process.argv[2]);
http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/health') return res.end('ok');
  if (u.pathname === '/next') {
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ next: nextDeparture(u.searchParams.get('now'), '05:30', '23:30', 10) }));
  }
  if (u.pathname === '/fare') {
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ fare: fare(Number(u.searchParams.get('zones')), Number(u.searchParams.get('age'))) }));
  }
  res.statusCode = 404;
  res.end('no route ' + u.pathname);
}).listen(port, '127.0.0.1');
"""


def pw_project(tmp: Path, seed: int, n_files: int, per_file: int) -> Path:
    root = write_project(tmp, seed, 0, 0)
    rng = random.Random(seed)
    port = free_port()
    files = {"server.js": PW_SERVER,
             "playwright.config.js": (
                 "module.exports = {\n  testDir: './e2e',\n  workers: 1,\n  use: { baseURL: "
                 f"'http://127.0.0.1:{port}' }},\n  webServer: {{ command: 'node server.js {port}', url: "
                 f"'http://127.0.0.1:{port}/health', reuseExistingServer: false }},\n}};\n")}
    for f in range(n_files):
        body = ["// @ts-check", "const { test, expect } = require('@playwright/test');",
                "const { fare, departures } = require('../lib/timetable');", "",
                f"test.describe('api line {f + 1}', () => {{"]
        for k in range(per_file):
            r = rng.random()
            if r < 0.35:
                h = rng.randint(6, 21)
                now = f"{h:02d}:{rng.choice([0, 20, 40]):02d}"
                t = h * 60 + int(now[3:])
                nxt = 330 + ((t - 330 + 9) // 10) * 10
                body.append(f"  test('GET /next at {now} #{k}', async ({{ request }}) => {{\n"
                            f"    const res = await request.get('/next?now={now}');\n"
                            "    expect(res.ok()).toBeTruthy();\n"
                            f"    expect((await res.json()).next).toBe('{nxt // 60:02d}:{nxt % 60:02d}');\n  }});")
            elif r < 0.55:
                z, age = rng.randint(1, 5), rng.choice([10, 15, 40])
                want = round((1.6 + 0.9 * (z - 1)) * (50 if age < 15 else 100)) / 100
                body.append(f"  test('GET /fare {z} zones age {age} #{k}', async ({{ request }}) => {{\n"
                            f"    const res = await request.get('/fare?zones={z}&age={age}');\n"
                            f"    expect(await res.json()).toEqual({{ fare: {want} }});\n  }});")
            elif r < 0.62:
                body.append(f"  test('GET /stops/{k} lists the stops', async ({{ request }}) => {{\n"
                            f"    const res = await request.get('/stops/{k}');\n"
                            "    expect(res.status()).toBe(200);\n  });")
            elif r < 0.68:
                body.append(f"  test.skip('GET /alerts for line {f + 1} #{k}', async () => {{}});")
            else:
                hw = rng.choice([10, 15, 20])
                body.append(f"  test('departures every {hw} min #{k}', () => {{\n"
                            f"    expect(departures('05:30', '06:30', {hw})).toContain('06:30');\n  }});")
        body.append("});")
        files[f"e2e/line{f + 1:02d}.spec.js"] = "\n".join(body) + "\n"
    write_tree(root, files)
    return root


def pw_runs(tmp: Path) -> None:
    a = pw_project(tmp, 4621, 3, 7)
    b = pw_project(tmp, 4622, 8, 9)
    env = {"CI": "1"}
    cap("playwright-line", "npx playwright test --reporter=line", a, N_PW_LINE, env=env, timeout=300)
    cap("playwright-line-tail", "npx playwright test --reporter=line 2>&1 | tail -n 100", b, N_PW_LINE, env=env,
        timeout=300)
    cap("playwright-dot", "npx playwright test --reporter=dot; echo EXIT=$?", b, N_PW_DOT, env=env, timeout=300)
    cap("playwright-json-jq", "npx playwright test --reporter=json 2>/dev/null | jq .", a, N_PW_JSON, env=env,
        timeout=300)
    cap("playwright-json", "npx playwright test --reporter=json line01 line02", b, N_PW_JSON, env=env, timeout=300)
    cap("playwright-junit", "npx playwright test --reporter=junit", a, N_PW_JUNIT, env=env, timeout=300)
    cap("playwright-list", "npx playwright test --list", b, N_PW_LIST, env=env, timeout=300)


def gen_bundle(rng: random.Random, n_fn: int) -> str:
    out = ["'use strict';"]
    for k in range(n_fn):
        stop = rng.choice(STOPS)
        out.append(f"export function board{k}(now){{const s={json.dumps(rng.sample(STOPS, 6))};"
                   f"return s.map((x,i)=>x+' '+(now+i*{rng.randint(2, 9)})).join('|')+'{stop}'+"
                   f"{rng.randint(100000, 999999)}.toString(36)}}")
    return "\n".join(out) + "\n"


def size_runs(tmp: Path) -> None:
    rng = random.Random(4631)
    root = write_project(tmp, 4631, 0, 0)
    entries, files = [], {}
    names = ["core", "board", "fares", "planner", "live", "maps", "alerts", "i18n", "depot", "widgets"]
    for k, name in enumerate(names):
        files[f"dist/{name}.js"] = gen_bundle(rng, rng.randint(20, 160))
        e = {"path": f"dist/{name}.js", "limit": f"{rng.choice([1, 2, 3, 5, 8])} kB"}
        if k % 3 == 0:
            e["name"] = f"{name} bundle"
        if k % 4 == 1:
            e["gzip"] = False
        entries.append(e)
    files[".size-limit.json"] = json.dumps(entries, indent=2)
    files["package.json"] = json.dumps({"name": "tramline", "version": "2.3.0", "private": True,
                                        "devDependencies": {"size-limit": "^12.0.0", "@size-limit/file": "^12.0.0"}},
                                       indent=2)
    write_tree(root, files)
    cap("size-limit", "npx size-limit", root, N_SIZE_LIMIT)
    cap("size-limit-exit", "npx size-limit; echo EXIT=$?", root, N_SIZE_LIMIT)
    cap("size-limit-json", "npx size-limit --json", root, N_SIZE_LIMIT_JSON)


TS_CORE_BASE = """export interface Stop { id: string; name: string; zone: number }
export interface Departure { stop: Stop; at: string; line: number }

export function zoneSpan(a: Stop, b: Stop): number {
  return Math.abs(a.zone - b.zone) + 1;
}
"""


def ts_project(tmp: Path, seed: int, n_mod: int) -> Path:
    rng = random.Random(seed)
    root = tmp / f"tramts{seed}"
    base = {"compilerOptions": {"composite": True, "strict": True, "target": "ES2020", "module": "commonjs",
                                "declaration": True, "outDir": "dist", "rootDir": "src"}}
    files = {"packages/core/tsconfig.json": json.dumps(base, indent=2),
             "packages/core/src/index.ts": TS_CORE_BASE,
             "packages/api/tsconfig.json": json.dumps({**base, "references": [{"path": "../core"}]}, indent=2),
             "packages/web/tsconfig.json": json.dumps({**base, "references": [{"path": "../core"},
                                                                               {"path": "../api"}]}, indent=2),
             "tsconfig.json": json.dumps({"files": [], "references": [{"path": "packages/web"}]}, indent=2)}
    for pkg in ("core", "api", "web"):
        for k in range(n_mod):
            lines = ["import { Stop, Departure, zoneSpan } from '" + ("./index" if pkg == "core" else
                                                                     "../../core/src/index") + "';", ""]
            for j in range(rng.randint(2, 5)):
                stop = rng.choice(STOPS)
                r = rng.random()
                fn = f"{pkg}{k}_{j}"
                if r < 0.15:
                    lines.append(f"export function {fn}(d: Departure): string {{\n  return d.stop.zone;\n}}")
                elif r < 0.25:
                    lines.append(f"export function {fn}(s: Stop): number {{\n  return zoneSpan(s, '{stop}');\n}}")
                elif r < 0.32:
                    lines.append(f"export function {fn}(d: Departure) {{\n  return d.platform ?? '{stop}';\n}}")
                elif r < 0.38:
                    lines.append(f"export function {fn}(d?: Departure): string {{\n  return d.at;\n}}")
                else:
                    lines.append(f"export function {fn}(a: Stop, b: Stop): number {{\n  return zoneSpan(a, b) * "
                                 f"{rng.randint(1, 4)};\n}}")
            files[f"packages/{pkg}/src/m{k:02d}.ts"] = "\n".join(lines) + "\n"
        if pkg != "core":
            files[f"packages/{pkg}/src/index.ts"] = "export const pkg = '" + pkg + "';\n"
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


def ts_runs(tmp: Path) -> None:
    a = ts_project(tmp, 4641, 4)
    b = ts_project(tmp, 4642, 12)
    cap("tsc-b-references", "npx tsc -b", a, N_TSC_B_REFS, timeout=300)
    cap("tsc-b-references-exit", "npx tsc -b packages/web; echo EXIT=$?", b, N_TSC_B_REFS, timeout=300)
    cap("tsc-b-references-head", "npx tsc -b --force 2>&1 | head -n 40", b, N_TSC_B_REFS, timeout=300)
    cap("tsc-build-dry", "npx tsc -b --dry --verbose", a, N_TSC_DRY, timeout=300)
    cap("tsc-build-dry-verbose", "npx tsc -b --dry --verbose packages/web 2>&1; echo EXIT=$?", b, N_TSC_DRY,
        timeout=300)
    cap("tsc-list-files-only", "npx tsc -p packages/api --listFilesOnly", a, N_TSC_FILES_ONLY, timeout=300)
    cap("tsc-list-files-only-grep", "npx tsc -p packages/web --listFilesOnly | grep -v '/lib/lib[.]'", b,
        N_TSC_FILES_ONLY, timeout=300)
    cap("tsc-diagnostics-core", "npx tsc -p packages/core --noEmit --composite false --diagnostics", a, N_TSC_DIAG,
        timeout=300)
    cap("tsc-diagnostics-web", "npx tsc -p packages/web --noEmit --composite false --diagnostics", b, N_TSC_DIAG,
        timeout=300)


def npm_ls_runs(tmp: Path) -> None:
    rng = random.Random(4651)
    root = tmp / "tramline-deps"
    names = [f"tram-{w}" for w in ["clock", "grid", "zones", "feed", "atlas", "kit", "bell", "signal", "route",
                                   "fare", "board", "ticket", "depot", "rail", "switch", "points", "cable", "pole"]]
    files, direct = {}, {}
    versions = {n: f"{rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}" for n in names}
    for n in names:
        deps = {d: "^" + versions[d] for d in rng.sample([x for x in names if x != n], rng.randint(0, 3))}
        files[f"node_modules/{n}/package.json"] = json.dumps({"name": n, "version": versions[n],
                                                             "dependencies": deps}, indent=2)
    for n in names[:8]:
        direct[n] = "^" + versions[n]
    # put in: a wrong version, a missing direct dependency, an extraneous package, a missing nested one
    wrong = names[2]
    files[f"node_modules/{wrong}/package.json"] = json.dumps({"name": wrong, "version": "0.9.1"}, indent=2)
    direct["tram-timetable"] = "^3.0.0"
    files["node_modules/left-overs/package.json"] = json.dumps({"name": "left-overs", "version": "1.0.0"})
    files["node_modules/tram-cable/package.json"] = json.dumps(
        {"name": "tram-cable", "version": versions["tram-cable"], "dependencies": {"tram-ghost": "^1.0.0"}}, indent=2)
    files["package.json"] = json.dumps({"name": "tramline-app", "version": "0.4.0", "dependencies": direct}, indent=2)
    write_tree(root, files)
    cap("npm-ls-all-broken", "npm ls --all", root, N_NPM_LS_BROKEN)
    cap("npm-ls-all-broken-exit", "npm ls --all 2>&1; echo EXIT=$?", root, N_NPM_LS_BROKEN)


STEPS = [jest_runs, ava_runs, pw_runs, size_runs, ts_runs, npm_ls_runs]
